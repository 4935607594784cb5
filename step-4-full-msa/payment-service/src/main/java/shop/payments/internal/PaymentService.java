package shop.payments.internal;

import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.payments.PaymentAuthorized;
import shop.payments.PaymentDeclined;
import shop.payments.Payments;
import shop.shared.Money;
import shop.shared.config.ShopProperties;

/**
 * Payments against a simulated provider that declines, deterministically, any total above
 * {@code shop.payments.decline-above}. Every answer is recorded in the
 * {@code payments.payments} table and announced as an event.
 */
@Service
public class PaymentService implements Payments {

	private final PaymentRepository payments;

	private final ApplicationEventPublisher events;

	private final Money limit;

	public PaymentService(PaymentRepository payments, ApplicationEventPublisher events, ShopProperties properties) {
		this.payments = payments;
		this.events = events;
		this.limit = Money.usd(properties.payments().declineAbove());
	}

	// tag::authorize[]
	@Override
	@Transactional
	public void authorize(UUID orderId, Money total) {
		if (this.payments.existsByOrderId(orderId)) {
			return; // answered before: the event with the answer went out then
		}
		boolean declined = total.isGreaterThan(this.limit);
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
