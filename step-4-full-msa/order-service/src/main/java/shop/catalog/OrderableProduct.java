package shop.catalog;

import shop.shared.Money;

/**
 * A product that can be ordered, as the catalog shows it to other modules: its SKU and
 * its price now. Not the catalog's entity: other modules never see that.
 *
 * @param sku the product's SKU, never null
 * @param price its current price, never null
 */
public record OrderableProduct(String sku, Money price) {
}
