package io.entrepot.seller;

import io.entrepot.shared.CurrencyCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What it takes to register a seller. */
public record NewSeller(String legalName, String displayName, String country, @Nullable String registrationNumber,
        @Nullable String originZone, @Nullable CurrencyCode payoutCurrency, List<NewWarehouse> warehouses) {

    public NewSeller {
        if (legalName == null || legalName.isBlank() || legalName.length() > 200) {
            throw new IllegalArgumentException("legal name must have 1 to 200 characters");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new IllegalArgumentException("display name must have 1 to 120 characters");
        }
        if (country == null || !country.matches("[A-Za-z]{2}") || !Set.of(Locale.getISOCountries()).contains(country.toUpperCase(Locale.ROOT))) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as CN or VN");
        }
        if (registrationNumber != null && (registrationNumber.isBlank() || registrationNumber.length() > 100)) {
            throw new IllegalArgumentException("registration number must have 1 to 100 characters");
        }
        legalName = legalName.strip();
        displayName = displayName.strip();
        country = country.toUpperCase(Locale.ROOT);
        warehouses = List.copyOf(warehouses);
    }

    public NewSeller(String legalName, String displayName, String country) {
        this(legalName, displayName, country, null, null, null, List.of());
    }
}
