package shop.orders.internal;

/**
 * Thrown when a customer cancels an order that is not {@code CONFIRMED}.
 */
public class OrderNotCancellableException extends RuntimeException {

	public OrderNotCancellableException(Order order) {
		super("Order " + order.getId() + " is " + order.getStatus() + "; only a CONFIRMED order can be cancelled.");
	}

}
