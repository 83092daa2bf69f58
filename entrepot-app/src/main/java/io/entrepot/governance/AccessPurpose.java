package io.entrepot.governance;

import java.util.Locale;

/** Why operator staff may look at a seller's data. */
public enum AccessPurpose {
    DISPUTE, FRAUD_INVESTIGATION, LEGAL_REQUEST, SELLER_SUPPORT, DISRUPTION_REMEDIATION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessPurpose fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown purpose '" + key
                    + "' (dispute, fraud_investigation, legal_request, seller_support or disruption_remediation)");
        }
    }
}
