package io.entrepot.catalog;

import java.util.Locale;
import java.util.Objects;

/** A product's title and description in one locale. */
public record Content(Locale locale, String title, String description) {

    public Content {
        Objects.requireNonNull(locale, "locale");
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new IllegalArgumentException("title must have 1 to 200 characters");
        }
        if (description == null || description.length() > 5000) {
            throw new IllegalArgumentException("description must have at most 5000 characters");
        }
        title = title.strip();
        description = description.strip();
    }

    public String language() {
        return locale.getLanguage();
    }
}
