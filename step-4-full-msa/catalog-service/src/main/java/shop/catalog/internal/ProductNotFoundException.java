package shop.catalog.internal;

import java.util.UUID;

/**
 * Thrown when no product has the id asked for.
 */
public class ProductNotFoundException extends RuntimeException {

	public ProductNotFoundException(UUID id) {
		super("No product has the id " + id + ".");
	}

}
