package shop.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated provider authorizes any total up to {@code shop.payments.decline-above}
 * (100000 cents, $1,000.00) and declines any above it; each answer is recorded and sent
 * to the order service on its own topic, keyed by the order.
 */
class PaymentAuthorizationIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void authorizesATotalUpToTheLimit() {
		UUID order = UUID.randomUUID();

		send(AUTHORIZE_PAYMENT, order, authorizePayment(order, 100_000));

		assertThat(awaitAnswer(PAYMENT_AUTHORIZED, order).path("orderId").asString()).isEqualTo(order.toString());
		assertThat(payments(order)).containsExactly("AUTHORIZED");
		assertThat(count("select count(*) from payments.payments where order_id = ? and amount = 100000"
				+ " and currency = 'USD'", order))
			.isEqualTo(1);
	}

	@Test
	void declinesATotalAboveTheLimit() {
		UUID order = UUID.randomUUID();

		send(AUTHORIZE_PAYMENT, order, authorizePayment(order, 100_001));

		assertThat(awaitAnswer(PAYMENT_DECLINED, order).path("orderId").asString()).isEqualTo(order.toString());
		assertThat(payments(order)).containsExactly("DECLINED");
	}

}
