package shop.catalog;

/**
 * A product was added to the catalog. Published inside the transaction that adds it.
 *
 * @param sku the new product's SKU, never null
 */
public record ProductAdded(String sku) {
}
