package shop.catalog.internal;

/**
 * Thrown when a new product's SKU is taken by another product.
 */
public class DuplicateSkuException extends RuntimeException {

	public DuplicateSkuException(String sku) {
		super("The SKU " + sku + " is taken by another product; choose another SKU.");
	}

}
