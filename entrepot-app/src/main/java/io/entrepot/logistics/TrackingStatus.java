package io.entrepot.logistics;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a parcel is, in the order a parcel passes the stages: a shipment's status only moves to a
 * later stage, so duplicate and late events leave it where it is. {@code exception} is recorded as an
 * event and never moves the status.
 */
public enum TrackingStatus {
    LABEL_CREATED(0),
    PICKED_UP(1),
    EXPORT_CUSTOMS(2),
    IN_TRANSIT(3),
    IMPORT_CUSTOMS_HELD(4),
    IMPORT_CUSTOMS_CLEARED(5),
    OUT_FOR_DELIVERY(6),
    DELIVERED(7),
    RETURNED_TO_SELLER(7),
    EXCEPTION(-1);

    private final int rank;

    TrackingStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status named by a carrier's event code ({@code in_transit}, …); empty when unknown. */
    public static Optional<TrackingStatus> parse(String code) {
        for (TrackingStatus s : values()) {
            if (s.key().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The highest rank a parcel can still hold before it has passed a checkpoint of this kind. */
    public static int lastRankBefore(String checkpointKind) {
        return "export".equals(checkpointKind) ? EXPORT_CUSTOMS.rank : IMPORT_CUSTOMS_HELD.rank;
    }
}
