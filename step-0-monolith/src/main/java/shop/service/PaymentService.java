package shop.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import shop.config.ShopProperties;
import shop.domain.Money;
import shop.domain.Order;
import shop.domain.Payment;
import shop.domain.PaymentStatus;
import shop.repository.PaymentRepository;

/**
 * Payments against a simulated provider that declines, deterministically, any total above
 * {@code shop.payments.decline-above}. Every answer is recorded in the {@code payments}
 * table. Runs inside the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentService {

	private final PaymentRepository payments;

	private final Money limit;

	public PaymentService(PaymentRepository payments, ShopProperties properties) {
		this.payments = payments;
		this.limit = Money.usd(properties.payments().declineAbove());
	}

	/**
	 * Asks the provider to authorize an order's total and records the answer.
	 * @param order the order to pay for, never null
	 * @return true if authorized, false if declined
	 */
	public boolean authorize(Order order) {
		boolean declined = order.getTotal().isGreaterThan(this.limit);
		PaymentStatus answer = declined ? PaymentStatus.DECLINED : PaymentStatus.AUTHORIZED;
		this.payments.save(new Payment(order, order.getTotal(), answer));
		return !declined;
	}

	/**
	 * Gives an authorized total back to the customer, for a cancelled order.
	 * @param order the order cancelled, never null
	 */
	public void refund(Order order) {
		this.payments.save(new Payment(order, order.getTotal(), PaymentStatus.REFUNDED));
	}

}
