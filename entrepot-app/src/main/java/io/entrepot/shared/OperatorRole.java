package io.entrepot.shared;

import java.util.Locale;

/** What an operator staff member may do; database policies and page access are keyed on these. */
public enum OperatorRole {
    /** Runs the platform: markets, sellers, users and keys. */
    ADMIN,
    /** Reviews, fraud and enforcement against sellers. */
    TRUST_SAFETY,
    /** FX, fees, payouts and the ledger. */
    FINANCE,
    /** Lanes, shipments and customs disruptions. */
    LOGISTICS,
    /** Helps sellers and buyers with their tickets. */
    SUPPORT,
    /** Approves access grants and reviews break-glass access. */
    COMPLIANCE,
    /** Reads and exports the whole access log and its verification, nothing else. */
    AUDITOR,
    /** The operator's own shop: an ordinary seller that never sees other sellers' data. */
    FIRST_PARTY_RETAIL;

    /** The lower-case name used in the API and the database, e.g. {@code trust_safety}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OperatorRole fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operator role '" + key + "'");
        }
    }
}
