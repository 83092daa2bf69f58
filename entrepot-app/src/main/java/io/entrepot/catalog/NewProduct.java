package io.entrepot.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A global product as the seller describes it. */
public record NewProduct(String category, @Nullable String brandName, Map<String, String> attributes, Locale fallbackLocale,
        boolean allowFallback, List<Content> contents, List<NewSku> skus) {

    public NewProduct {
        Objects.requireNonNull(category, "category");
        if (brandName != null && (brandName.isBlank() || brandName.length() > 100)) {
            throw new IllegalArgumentException("brand name must have 1 to 100 characters");
        }
        if (contents == null || contents.isEmpty()) {
            throw new IllegalArgumentException("a product needs a title in at least one locale");
        }
        if (contents.stream().noneMatch(c -> c.locale().equals(fallbackLocale))) {
            throw new IllegalArgumentException("the fallback locale " + fallbackLocale.toLanguageTag() + " needs content");
        }
        if (new HashSet<>(contents.stream().map(Content::locale).toList()).size() != contents.size()) {
            throw new IllegalArgumentException("each locale may have content only once");
        }
        if (skus == null || skus.isEmpty() || skus.size() > 200) {
            throw new IllegalArgumentException("a product needs 1 to 200 SKUs");
        }
        if (new HashSet<>(skus.stream().map(NewSku::code).toList()).size() != skus.size()) {
            throw new IllegalArgumentException("SKU codes must be unique within the product");
        }
        if (skus.stream().map(s -> s.basePrice().currency()).distinct().count() != 1) {
            throw new IllegalArgumentException("all SKUs of a product are priced in one currency");
        }
        attributes = Map.copyOf(attributes);
        contents = List.copyOf(contents);
        skus = List.copyOf(skus);
    }

    /** Parses a language tag such as {@code en} or {@code zh-CN}; anything without a language is refused. */
    public static Locale locale(String tag) {
        Locale locale = Locale.forLanguageTag(tag == null ? "" : tag.strip());
        if (locale.getLanguage().isEmpty()) {
            throw new IllegalArgumentException("'" + tag + "' is not a locale such as en or zh-CN");
        }
        return locale;
    }
}
