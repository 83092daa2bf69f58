package io.entrepot.logistics;

import io.entrepot.shared.Money;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * What logistics needs from the orders it carries, implemented by the ordering module (which depends
 * on logistics, not the other way round): the seller orders waiting on a lane, delivery, the remedies
 * of a remediation run, and restocking returned goods. Every method is idempotent.
 */
public interface OrderDesk {

    /** A lane as the orders name it: origin country, destination market and carrier service. */
    record LaneRef(String originCountry, String market, String carrierService) {
    }

    /** A seller order as a remediation sees it; amounts in the order's (market's) currency. */
    record SellerOrder(UUID sellerOrderId, UUID orderId, UUID sellerId, String sellerName, String status, String market,
            String originCountry, String carrierService, Money total, Money shipping, Money refunded, String buyerEmail, java.time.Instant placedAt) {

        public Money refundable() {
            return total.minus(refunded);
        }
    }

    /** Paid (authorized) seller orders not yet shipped on these lanes. */
    List<SellerOrder> awaitingShipment(Collection<LaneRef> lanes);

    List<SellerOrder> find(Collection<UUID> sellerOrderIds);

    /**
     * What a remedy did: done (cancelled before shipment, or refunded in full for a return, with the
     * amount refunded), skipped (nothing left to remedy: delivered or settled meanwhile), refused by
     * the payment provider, or still running in another attempt.
     */
    sealed interface Outcome {
        record Done(String action, Money refunded) implements Outcome {
        }

        record Skipped(String reason) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }

        record InProgress() implements Outcome {
        }
    }

    /**
     * Settles a stranded seller order as it stands now: unshipped → cancelled (stock back,
     * authorization voided with key {@code prefix:void}); shipped → what is left refunded in full,
     * commission and fees given back to the seller, with key {@code prefix:refund} on the first
     * attempt and {@code prefix:refund:retry-n} on the n-th retry.
     */
    Outcome remedy(UUID sellerOrderId, String keyPrefix, int attempt, String reason);

    /** A remedy asked for one seller order: its key prefix, which attempt this is, and the reason given to the buyer. */
    record Remedy(UUID sellerOrderId, String keyPrefix, int attempt, String reason) {
    }

    /**
     * {@link #remedy} for many seller orders at once: shipped ones are refunded together (one batch
     * request to the payment provider, set-based bookings), unshipped ones cancelled one by one. Every
     * remedy gets its outcome (an unexpected failure of one is its {@code Refused}).
     */
    java.util.Map<UUID, Outcome> remedyAll(List<Remedy> remedies);

    /** The parcel reached the buyer: the order is delivered and its return window starts (nothing when it is not shipped). */
    void delivered(UUID sellerOrderId);

    /** The returned parcel is back with the seller: its stock is given back once; the units restocked. */
    int restock(UUID sellerOrderId);
}
