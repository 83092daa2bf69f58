package io.entrepot.seller;

import java.util.Locale;

/** What it takes to register a seller. */
public record NewSeller(String legalName, String displayName, String country) {

    public NewSeller {
        if (legalName == null || legalName.isBlank() || legalName.length() > 200) {
            throw new IllegalArgumentException("legal name must have 1 to 200 characters");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new IllegalArgumentException("display name must have 1 to 120 characters");
        }
        if (country == null || !country.matches("[A-Za-z]{2}") || !java.util.Set.of(Locale.getISOCountries()).contains(country.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as CN or VN");
        }
        legalName = legalName.strip();
        displayName = displayName.strip();
        country = country.toUpperCase(Locale.ROOT);
    }
}
