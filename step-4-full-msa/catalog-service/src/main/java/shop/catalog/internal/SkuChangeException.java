package shop.catalog.internal;

/**
 * Thrown when an update of a product names another SKU: a SKU never changes.
 */
public class SkuChangeException extends RuntimeException {

	public SkuChangeException(String currentSku) {
		super("must equal the product's SKU " + currentSku + "; a SKU never changes");
	}

}
