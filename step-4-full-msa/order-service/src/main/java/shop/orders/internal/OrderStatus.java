package shop.orders.internal;

/**
 * Where an order is in its life. {@code PENDING} is the only status that changes by
 * itself; the others are final, except {@code CONFIRMED} to {@code CANCELLED} by the
 * customer.
 */
public enum OrderStatus {

	/** Placed, not decided yet. */
	PENDING,

	/** Stock taken and payment authorized. */
	CONFIRMED,

	/** Not placed; the order's {@link OrderReason} says why. */
	REJECTED,

	/** Cancelled by the customer after confirmation. */
	CANCELLED

}
