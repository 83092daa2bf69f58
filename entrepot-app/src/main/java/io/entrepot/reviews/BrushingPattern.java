package io.entrepot.reviews;

import java.util.List;
import java.util.Locale;

/**
 * Brushing: a seller orders its own goods (or has accomplices do it) to manufacture verified
 * purchases for reviews. The tell-tale is many low-value orders to the same address or paid with the
 * same card, shipped without real tracking (no carrier scans before delivery). The signal is 0 below
 * {@code minOrders} such orders and rises to 1 at {@code saturation}.
 */
public record BrushingPattern(int minOrders, int saturation) {

    public BrushingPattern {
        if (minOrders < 2 || saturation < minOrders) {
            throw new IllegalArgumentException("brushing needs at least two orders and saturation ≥ the minimum");
        }
    }

    /** One of the seller's orders linked to the reviewer by address, card or buyer. */
    public record LinkedOrder(boolean lowValue, boolean realTracking) {
    }

    public Signal signal(List<LinkedOrder> linked, double weight) {
        long suspicious = linked.stream().filter(o -> o.lowValue() && !o.realTracking()).count();
        double value = suspicious < minOrders ? 0 : Math.min(1, suspicious / (double) saturation);
        String explanation = String.format(Locale.ROOT, "%d of the seller's orders in the last weeks go to this buyer's address or card; "
                + "%d of them low-value and without carrier scans", linked.size(), suspicious);
        return new Signal(Signal.BRUSHING, value, weight, explanation);
    }
}
