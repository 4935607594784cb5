package shop.payments;

import java.util.UUID;

import shop.shared.Money;

/**
 * The order service asks for an order's total to be authorized:
 * {@link Payments#authorize} sent over Kafka, on the topic
 * {@code payments.authorize-payment}, keyed by the order. Answered by
 * {@link PaymentAuthorized} or {@link PaymentDeclined}.
 *
 * @param orderId the order paid for, never null
 * @param total the amount to authorize, never null
 */
public record AuthorizePayment(UUID orderId, Money total) {
}
