package shop.catalog;

/**
 * A product was added to the catalog. Published inside the transaction that first writes
 * it into the monolith's replica of the catalog.
 *
 * @param sku the new product's SKU, never null
 */
public record ProductAdded(String sku) {
}
