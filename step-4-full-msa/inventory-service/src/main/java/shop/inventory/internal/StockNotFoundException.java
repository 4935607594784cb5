package shop.inventory.internal;

/**
 * Thrown when a SKU has no stock record.
 */
public class StockNotFoundException extends RuntimeException {

	public StockNotFoundException(String sku) {
		super("No stock is recorded for the SKU " + sku + ".");
	}

}
