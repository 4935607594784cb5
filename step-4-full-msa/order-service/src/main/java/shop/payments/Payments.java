package shop.payments;

import java.util.UUID;

import shop.shared.Money;

/**
 * What other modules may ask of payments: authorize an order's total, refund it. Keyed by
 * the order's id; asked twice to authorize the same order, it answers once.
 */
public interface Payments {

	/**
	 * Asks the provider to authorize a total and records the answer. Publishes
	 * {@link PaymentAuthorized} or {@link PaymentDeclined}.
	 * @param orderId the order paid for, never null
	 * @param total the amount to authorize, never null
	 */
	void authorize(UUID orderId, Money total);

	/**
	 * Gives an authorized total back to the customer, for a cancelled order.
	 * @param orderId the order cancelled, never null
	 * @param total the amount authorized before, never null
	 */
	void refund(UUID orderId, Money total);

}
