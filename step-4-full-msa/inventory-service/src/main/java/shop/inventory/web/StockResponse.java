package shop.inventory.web;

import shop.inventory.internal.Stock;

/**
 * The stock of a SKU as the API shows it.
 *
 * @param sku the SKU
 * @param onHand units in the warehouse
 * @param reserved units held for orders being placed
 * @param available units that can be ordered: on hand less reserved
 */
public record StockResponse(String sku, int onHand, int reserved, int available) {

	static StockResponse from(Stock stock) {
		return new StockResponse(stock.getSku(), stock.getOnHand(), stock.getReserved(), stock.available());
	}

}
