package shop.orders.internal;

/**
 * The answer to a {@link PlaceOrder}: the order, and whether it was placed by an earlier
 * request with the same {@code Idempotency-Key}.
 *
 * @param order the order as it is now, never null
 * @param replayed true if this request placed nothing and answers with an earlier order
 */
public record PlacedOrder(Order order, boolean replayed) {
}
