package io.entrepot.ledger;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.SellerId;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An account by owner, kind and currency; created on its first posting. */
public record AccountRef(OwnerType ownerType, String ownerRef, @Nullable SellerId sellerId, Kind kind, CurrencyCode currency) {

    /** Who an account belongs to. */
    public enum OwnerType {
        /** The operator itself. */
        PLATFORM,
        /** One seller; the owner reference is the seller's id. */
        SELLER,
        /** Buyers' money between payment and settlement. */
        BUYER_CLEARING,
        /** A market's tax authority; the owner reference is the market code. */
        TAX_AUTHORITY,
        /** A carrier. */
        CARRIER,
        /** A customs broker. */
        CUSTOMS_BROKER,
        /** The payment provider. */
        PAYMENT_PROVIDER;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What an account holds. */
    public enum Kind {
        /** The platform's earnings (commission, fees). */
        REVENUE,
        /** Owed to a seller, not yet payable (before delivery and the return window). */
        PAYABLE_PENDING,
        /** Owed to a seller and payable. */
        PAYABLE_AVAILABLE,
        /** Money in transit through a counterparty. */
        CLEARING,
        /** Owed to the platform. */
        RECEIVABLE,
        /** Tax collected, owed to an authority. */
        TAX_PAYABLE,
        /** The platform's costs. */
        EXPENSE,
        /** The two legs of a currency conversion, one per currency, at a recorded rate. */
        FX_CONVERSION,
        /** Money held at the payment provider or bank. */
        CASH,
        /** Owed to a seller but held back from payouts (risk reserve). */
        RESERVE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AccountRef {
        Objects.requireNonNull(ownerType, "ownerType");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(currency, "currency");
        if (ownerRef == null || ownerRef.isBlank() || ownerRef.length() > 100) {
            throw new IllegalArgumentException("an account owner reference has 1 to 100 characters");
        }
        if ((ownerType == OwnerType.SELLER) != (sellerId != null)) {
            throw new IllegalArgumentException("seller accounts, and only they, name a seller");
        }
    }

    public static AccountRef seller(SellerId seller, Kind kind, CurrencyCode currency) {
        return new AccountRef(OwnerType.SELLER, seller.toString(), seller, kind, currency);
    }

    public static AccountRef platform(Kind kind, CurrencyCode currency) {
        return new AccountRef(OwnerType.PLATFORM, "entrepot", null, kind, currency);
    }

    public static AccountRef of(OwnerType owner, String ownerRef, Kind kind, CurrencyCode currency) {
        return new AccountRef(owner, ownerRef, null, kind, currency);
    }
}
