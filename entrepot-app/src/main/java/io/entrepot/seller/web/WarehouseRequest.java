package io.entrepot.seller.web;

import io.entrepot.seller.NewWarehouse;
import io.entrepot.seller.WarehouseKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A warehouse in a request. */
record WarehouseRequest(@NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "origin|overseas", message = "must be origin or overseas") String kind,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in capitals") String country) {

    NewWarehouse toNew() {
        return new NewWarehouse(name, WarehouseKind.fromKey(kind), country);
    }
}
