package shop.inventory.internal;

import jakarta.persistence.Embeddable;

/**
 * Units of one SKU held for an order.
 *
 * @param sku the SKU, never null
 * @param quantity a positive number of units
 */
@Embeddable
public record ReservedUnits(String sku, int quantity) {
}
