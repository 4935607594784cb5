package shop.orders.internal;

import java.util.UUID;

/**
 * Thrown when no order has the id asked for.
 */
public class OrderNotFoundException extends RuntimeException {

	public OrderNotFoundException(UUID id) {
		super("No order has the id " + id + ".");
	}

}
