package shop.payments.internal;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.payments.PaymentAuthorized;
import shop.payments.PaymentDeclined;
import shop.payments.Payments;
import shop.shared.Money;

/**
 * Payments against a simulated provider that declines, deterministically, any total above
 * {@code shop.payments.decline-above} ({@link DeclineLimit}, which a refresh changes
 * without a restart). Every answer is recorded in the {@code payments.payments} table and
 * announced as an event.
 */
@Service
public class PaymentService implements Payments {

	private final PaymentRepository payments;

	private final ApplicationEventPublisher events;

	private final DeclineLimit limit;

	PaymentService(PaymentRepository payments, ApplicationEventPublisher events, DeclineLimit limit) {
		this.payments = payments;
		this.events = events;
		this.limit = limit;
	}

	// tag::authorize[]
	@Override
	@Transactional
	public void authorize(UUID orderId, Money total) {
		if (this.payments.existsByOrderId(orderId)) {
			return; // answered before: the event with the answer went out then
		}
		boolean declined = this.limit.declines(total);
		PaymentStatus answer = declined ? PaymentStatus.DECLINED : PaymentStatus.AUTHORIZED;
		this.payments.save(new Payment(orderId, total, answer));
		this.events.publishEvent(declined ? new PaymentDeclined(orderId) : new PaymentAuthorized(orderId));
	}
	// end::authorize[]

	@Override
	@Transactional
	public void refund(UUID orderId, Money total) {
		this.payments.save(new Payment(orderId, total, PaymentStatus.REFUNDED));
	}

}
