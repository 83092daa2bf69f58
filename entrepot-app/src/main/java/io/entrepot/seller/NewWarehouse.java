package io.entrepot.seller;

import java.util.Locale;
import java.util.Set;

/** A warehouse to add. */
public record NewWarehouse(String name, WarehouseKind kind, String country) {

    public NewWarehouse {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("warehouse name must have 1 to 100 characters");
        }
        if (country == null || !Set.of(Locale.getISOCountries()).contains(country)) {
            throw new IllegalArgumentException("warehouse country must be an ISO 3166-1 alpha-2 code in capitals; got: " + country);
        }
        name = name.strip();
    }
}
