package io.entrepot.identity;

import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.util.Objects;

/** What an API key may act as: one operator role, or one seller. */
public sealed interface ApiKeyScope {

    /** A key for automation run by the operator, with the rights of one staff role. */
    record Operator(OperatorRole role) implements ApiKeyScope {
        public Operator {
            Objects.requireNonNull(role, "role");
        }
    }

    /** A seller's integration key, confined to that seller's data. */
    record Seller(SellerId sellerId) implements ApiKeyScope {
        public Seller {
            Objects.requireNonNull(sellerId, "sellerId");
        }
    }
}
