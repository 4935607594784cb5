package shop.orders;

import java.util.UUID;

/**
 * A customer placed an order; it is pending until stock and payment have answered.
 * Published inside the transaction that saves the order.
 *
 * @param orderId the order, never null
 */
// tag::events[]
public record OrderPlaced(UUID orderId) {
}
// end::events[]
