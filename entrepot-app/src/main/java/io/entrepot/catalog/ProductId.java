package io.entrepot.catalog;

import java.util.Objects;
import java.util.UUID;

/** A global product's id. */
public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "product id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
