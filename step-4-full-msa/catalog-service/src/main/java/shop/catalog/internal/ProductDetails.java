package shop.catalog.internal;

import shop.shared.Money;

/**
 * What an administrator says about a product, already validated by the web layer.
 *
 * @param sku the SKU, never null
 * @param name the display name, never null
 * @param description the description, may be null
 * @param price the price, never null
 * @param active whether the product can be ordered
 */
public record ProductDetails(String sku, String name, String description, Money price, boolean active) {
}
