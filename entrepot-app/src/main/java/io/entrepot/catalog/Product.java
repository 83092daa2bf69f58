package io.entrepot.catalog;

import io.entrepot.shared.SellerId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A stored global product. */
public record Product(ProductId id, SellerId sellerId, String category, @Nullable String brandName,
        Map<String, String> attributes, Locale fallbackLocale, boolean allowFallback, List<Content> contents, List<Sku> skus,
        Instant createdAt, Instant updatedAt) {

    /** Content in the language, else none. */
    public Optional<Content> contentIn(String language) {
        return contents.stream().filter(c -> c.language().equals(language)).findFirst();
    }

    public Content fallbackContent() {
        return contents.stream().filter(c -> c.locale().equals(fallbackLocale)).findFirst().orElse(contents.getFirst());
    }
}
