package workshop.contract;

/**
 * The stock of one SKU as the API answers it.
 *
 * @param sku the stock keeping unit
 * @param onHand the units in the warehouse
 * @param reserved the units held for orders being placed
 * @param available {@code onHand - reserved}, never negative
 */
public record Stock(String sku, int onHand, int reserved, int available) {

}
