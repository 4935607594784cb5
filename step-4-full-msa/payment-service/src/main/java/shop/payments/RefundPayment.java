package shop.payments;

import java.util.UUID;

import shop.shared.Money;

/**
 * The order service asks for a cancelled order's total to be given back:
 * {@link Payments#refund} sent over Kafka, on the topic {@code payments.refund-payment},
 * keyed by the order. Not answered: the order service does not wait for it.
 *
 * @param orderId the order cancelled, never null
 * @param total the amount authorized before, never null
 */
public record RefundPayment(UUID orderId, Money total) {
}
