package shop.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The provider authorized an order's total.
 * <p>
 * Sent to the order service on the topic {@code payments.payment-authorized}, keyed by
 * the order.
 *
 * @param orderId the order, never null
 */
@Externalized("payments.payment-authorized::#{orderId()}")
public record PaymentAuthorized(UUID orderId) {
}
