package shop.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The provider declined an order's total.
 * <p>
 * Sent to the order service on the topic {@code payments.payment-declined}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("payments.payment-declined::#{orderId()}")
public record PaymentDeclined(UUID orderId) {
}
