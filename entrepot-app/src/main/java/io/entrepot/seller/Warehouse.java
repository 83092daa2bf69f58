package io.entrepot.seller;

import io.entrepot.shared.SellerId;
import java.util.UUID;

/** A place a seller ships from. */
public record Warehouse(UUID id, SellerId sellerId, String name, WarehouseKind kind, String country) {
}
