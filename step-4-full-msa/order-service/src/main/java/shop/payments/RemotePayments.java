package shop.payments;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import shop.shared.Money;

/**
 * The payment service, as the order service asks it: each call publishes a command, which
 * the event publication registry stores in the caller's transaction (the outbox) and
 * sends to Kafka once that transaction commits. The answers, {@link PaymentAuthorized}
 * and {@link PaymentDeclined}, come back as messages.
 */
@Component
class RemotePayments implements Payments {

	private final ApplicationEventPublisher events;

	RemotePayments(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void authorize(UUID orderId, Money total) {
		this.events.publishEvent(new AuthorizePayment(orderId, total));
	}

	@Override
	public void refund(UUID orderId, Money total) {
		this.events.publishEvent(new RefundPayment(orderId, total));
	}

}
