package io.entrepot.shared;

import java.util.Objects;
import java.util.UUID;

/** The tenant key: every seller-owned row carries one, and row-level security filters on it. */
public record SellerId(@com.fasterxml.jackson.annotation.JsonValue UUID value) implements java.io.Serializable {

    public SellerId {
        Objects.requireNonNull(value, "seller id");
    }

    public static SellerId of(String value) {
        return new SellerId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
