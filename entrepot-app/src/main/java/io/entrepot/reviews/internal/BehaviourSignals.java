package io.entrepot.reviews.internal;

import io.entrepot.logistics.Shipments;
import io.entrepot.market.ExchangeRates;
import io.entrepot.ordering.Purchases;
import io.entrepot.reviews.BrushingPattern;
import io.entrepot.reviews.Signal;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The behaviour signals of a new review, each with its weight: a new reviewer, a reviewer who only
 * ever buys from this seller, a burst of reviews on the seller, a rating far from the product's mean,
 * a review written minutes after delivery, a card shared by several buyers of the seller, and
 * {@link BrushingPattern brushing}. Reads run before the review's write transaction.
 */
@Component
public class BehaviourSignals {

    public static final double NEW_ACCOUNT_WEIGHT = 0.1;
    public static final double THIN_HISTORY_WEIGHT = 0.3;
    public static final double BURST_WEIGHT = 0.4;
    public static final double DEVIATION_WEIGHT = 0.2;
    public static final double FAST_WEIGHT = 0.1;
    public static final double LINK_WEIGHT = 0.6;
    public static final double BRUSHING_WEIGHT = 0.8;
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    private final Purchases purchases;
    private final Shipments shipments;
    private final ExchangeRates rates;
    private final ReviewStore reviews;
    private final Clock clock;
    private final BrushingPattern brushing;
    private final BigDecimal lowValueUsd;
    private final Duration lookback;

    BehaviourSignals(Purchases purchases, Shipments shipments, ExchangeRates rates, ReviewStore reviews, Clock clock,
            @Value("${entrepot.reviews.brushing.min-orders:3}") int minOrders,
            @Value("${entrepot.reviews.brushing.saturation:5}") int saturation,
            @Value("${entrepot.reviews.brushing.low-value-usd:20}") BigDecimal lowValueUsd,
            @Value("${entrepot.reviews.brushing.lookback:P30D}") Duration lookback) {
        this.purchases = purchases;
        this.shipments = shipments;
        this.rates = rates;
        this.reviews = reviews;
        this.clock = clock;
        this.brushing = new BrushingPattern(minOrders, saturation);
        this.lowValueUsd = lowValueUsd;
        this.lookback = lookback;
    }

    /** Reads run in the caller's (read-only, system) transaction. */
    public List<Signal> of(Purchases.PurchasedLine line, UUID product, int rating) {
        Instant now = clock.instant();
        List<Signal> signals = new ArrayList<>();
        var history = purchases.history(line);
        double ageDays = Duration.between(history.firstOrderAt(), now).toMinutes() / (24 * 60.0);
        signals.add(new Signal(Signal.REVIEWER_NEW_ACCOUNT, clamp(1 - ageDays / 7), NEW_ACCOUNT_WEIGHT,
                String.format(Locale.ROOT, "the reviewer's first order was %.1f days ago", ageDays)));
        boolean onlyThisSeller = history.orders() >= 3 && history.sellers() == 1;
        signals.add(new Signal(Signal.REVIEWER_THIN_HISTORY, onlyThisSeller ? 1 : 0, THIN_HISTORY_WEIGHT,
                "the reviewer has %d orders from %d sellers".formatted(history.orders(), history.sellers())));
        Instant dayAgo = now.minus(Duration.ofDays(1));
        long sellerDay = reviews.reviewsOfSellerSince(line.sellerId(), dayAgo);
        long productDay = reviews.reviewsOfProductSince(product, dayAgo);
        signals.add(new Signal(Signal.BURST, Math.max(clamp((sellerDay - 5) / 15.0), clamp((productDay - 3) / 10.0)), BURST_WEIGHT,
                "%d reviews of this product and %d of this seller's products in the last 24 hours".formatted(productDay, sellerDay)));
        var mean = reviews.productMean(product);
        double deviation = mean.count() >= 5 ? Math.abs(rating - mean.mean()) / 4 : 0;
        signals.add(new Signal(Signal.RATING_DEVIATION, clamp(deviation), DEVIATION_WEIGHT, mean.count() >= 5
                ? String.format(Locale.ROOT, "rating %d against the product's mean of %.2f over %d reviews", rating, mean.mean(), mean.count())
                : "fewer than 5 published reviews to compare with"));
        double minutes = line.deliveredAt() == null ? 0 : Duration.between(line.deliveredAt(), now).toSeconds() / 60.0;
        double fast = minutes < 10 ? 1 : clamp(1 - minutes / (24 * 60));
        signals.add(new Signal(Signal.FAST_AFTER_DELIVERY, fast, FAST_WEIGHT,
                String.format(Locale.ROOT, "written %.0f minutes after delivery", minutes)));

        // A shared private address (everyone behind one proxy or office network) links nobody.
        String network = line.clientAddress() == null ? null : io.entrepot.shared.NetworkAddresses.literal(line.clientAddress())
                .filter(a -> !io.entrepot.shared.NetworkAddresses.isInternal(a)).map(a -> line.clientAddress()).orElse(null);
        List<Purchases.PurchasedLine> linked = purchases.linkedTo(line, network, now.minus(lookback));
        Set<String> emailsOnCard = linked.stream().filter(l -> !line.paymentToken().isEmpty() && l.paymentToken().equals(line.paymentToken()))
                .map(l -> l.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> emailsOnNetwork = linked.stream().filter(l -> network != null && network.equals(l.clientAddress()))
                .map(l -> l.email().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        String link = emailsOnCard.size() >= 2 ? "the card that paid for this order paid for orders of %d different buyers of this seller".formatted(emailsOnCard.size())
                : emailsOnNetwork.size() >= 2 ? "%d different buyers of this seller ordered from the same network address".formatted(emailsOnNetwork.size())
                : "no other buyer of this seller paid with the same card or ordered from the same network address";
        signals.add(new Signal(Signal.BUYER_SELLER_LINK, emailsOnCard.size() >= 2 || emailsOnNetwork.size() >= 2 ? 1 : 0, LINK_WEIGHT, link));
        signals.add(brushing.signal(linkedOrders(linked), BRUSHING_WEIGHT));
        return signals;
    }

    private List<BrushingPattern.LinkedOrder> linkedOrders(List<Purchases.PurchasedLine> linked) {
        Set<UUID> sellerOrders = new HashSet<>();
        linked.forEach(l -> sellerOrders.add(l.sellerOrderId()));
        Map<UUID, Integer> scans = shipments.ofSellerOrders(sellerOrders).stream().filter(s -> s.direction().equals("outbound"))
                .collect(Collectors.toMap(Shipments.Shipment::sellerOrderId, s -> s.events().size(), Integer::sum));
        List<BrushingPattern.LinkedOrder> orders = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (var line : linked) {
            if (seen.add(line.sellerOrderId())) {
                orders.add(new BrushingPattern.LinkedOrder(lowValue(line), scans.getOrDefault(line.sellerOrderId(), 0) >= 2));
            }
        }
        return orders;
    }

    private boolean lowValue(Purchases.PurchasedLine line) {
        try {
            CurrencyCode currency = CurrencyCode.of(line.currency());
            var rate = rates.rateAt(currency, USD, line.orderedAt());
            Money usd = new Money(line.goodsMinor(), currency).converted(rate.rate(), USD, RoundingMode.HALF_UP);
            return usd.minor() <= lowValueUsd.movePointRight(2).longValue();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
