package io.entrepot.catalog;

import io.entrepot.shared.Money;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A variant to create: its code, base price in the seller's currency, size, weight and stock. */
public record NewSku(String code, Money basePrice, int weightGrams, int lengthMm, int widthMm, int heightMm,
        Map<String, String> attributes, Map<UUID, Integer> stock) {

    public NewSku {
        if (code == null || !code.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("SKU code must be 1 to 64 letters, digits, dots, dashes or underscores");
        }
        Objects.requireNonNull(basePrice, "basePrice");
        if (basePrice.isNegative()) {
            throw new IllegalArgumentException("SKU " + code + ": the base price must not be negative");
        }
        if (weightGrams < 1 || weightGrams > 100_000) {
            throw new IllegalArgumentException("SKU " + code + ": weight must be between 1 g and 100 kg");
        }
        for (int dimension : new int[] {lengthMm, widthMm, heightMm}) {
            if (dimension < 1 || dimension > 3000) {
                throw new IllegalArgumentException("SKU " + code + ": dimensions must be between 1 and 3000 mm");
            }
        }
        if (stock.values().stream().anyMatch(q -> q == null || q < 0)) {
            throw new IllegalArgumentException("SKU " + code + ": stock must not be negative");
        }
        attributes = Map.copyOf(attributes);
        stock = Map.copyOf(stock);
    }
}
