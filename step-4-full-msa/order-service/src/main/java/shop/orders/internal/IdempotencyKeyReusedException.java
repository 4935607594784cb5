package shop.orders.internal;

/**
 * Thrown when an {@code Idempotency-Key} comes back with a different order request.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	public IdempotencyKeyReusedException(String key) {
		super("The Idempotency-Key " + key + " was used for a different order; use a new key for a new order.");
	}

}
