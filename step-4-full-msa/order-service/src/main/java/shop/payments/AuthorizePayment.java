package shop.payments;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

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
@Externalized("payments.authorize-payment::#{orderId()}")
public record AuthorizePayment(UUID orderId, Money total) {
}
