package io.entrepot.shared;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is acting in the current transaction. Row-level security policies read it from the transaction's
 * settings, so every query runs as exactly one actor and a missing actor sees nothing.
 */
public sealed interface Actor extends java.io.Serializable {

    /** The value of {@code entrepot.actor_kind} for this actor. */
    String kind();

    /** Nobody signed in: public pages and storefront APIs. */
    record Anonymous() implements Actor {
        @Override
        public String kind() {
            return "anonymous";
        }
    }

    /** A member of the operator's staff with one or more roles. */
    record Operator(UUID userId, Set<OperatorRole> roles) implements Actor {
        public Operator {
            Objects.requireNonNull(userId, "userId");
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        @Override
        public String kind() {
            return "operator";
        }

        public boolean has(OperatorRole role) {
            return roles.contains(role);
        }
    }

    /** A seller's user or API key, confined to that seller's rows. */
    record Seller(UUID userId, SellerId sellerId) implements Actor {
        public Seller {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(sellerId, "sellerId");
        }

        @Override
        public String kind() {
            return "seller";
        }
    }

    /** A signed-in buyer. */
    record Buyer(UUID userId) implements Actor {
        public Buyer {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String kind() {
            return "buyer";
        }
    }

    /** The platform itself doing work that crosses sellers, always under a named purpose. */
    record System(String purpose) implements Actor {
        public System {
            if (purpose == null || purpose.isBlank()) {
                throw new IllegalArgumentException("a system actor needs a purpose");
            }
        }

        @Override
        public String kind() {
            return "system";
        }
    }

    Actor ANONYMOUS = new Anonymous();

    static Actor system(String purpose) {
        return new System(purpose);
    }
}
