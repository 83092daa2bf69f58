package io.entrepot.seller;

import java.util.Locale;

/** Something a seller may not do while the restriction stands; the modules concerned check it. */
public enum Restriction {
    /** No new publications to markets (catalog). */
    CANNOT_PUBLISH,
    /** No joining campaigns (brand). */
    CANNOT_JOIN_CAMPAIGNS,
    /** Payouts are held (ledger). */
    CANNOT_RECEIVE_PAYOUTS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Restriction fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("restriction must be cannot_publish, cannot_join_campaigns or cannot_receive_payouts; got: " + key);
        }
    }
}
