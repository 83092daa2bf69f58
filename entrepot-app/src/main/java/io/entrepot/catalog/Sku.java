package io.entrepot.catalog;

import io.entrepot.shared.Money;
import java.util.Map;
import java.util.UUID;

/** A stored variant with its stock per warehouse. */
public record Sku(UUID id, String code, Money basePrice, int weightGrams, int lengthMm, int widthMm, int heightMm,
        Map<String, String> attributes, Map<UUID, Integer> stock) {
}
