package shop.payments;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the service cannot read is parked, unchanged, in its topic's dead-letter
 * topic at once, and the listener moves on to the next one. No message waits for a lock
 * longer than two seconds.
 */
class DeadLetterIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void parksAMessageThatIsNotJsonAndHandlesTheNextOne() {
		String poison = "poison-" + UUID.randomUUID();
		UUID next = UUID.randomUUID();

		broker.send(AUTHORIZE_PAYMENT, 0, poison, "pay what you like");
		broker.send(AUTHORIZE_PAYMENT, 0, next.toString(), authorizePayment(next, 800));

		assertThat(broker.await(AUTHORIZE_PAYMENT + ".DLT", poison)).isEqualTo("pay what you like");
		assertThat(awaitAnswer(PAYMENT_AUTHORIZED, next).path("orderId").asString()).isEqualTo(next.toString());
		assertThat(payments(next)).containsExactly("AUTHORIZED");
	}

	@Test
	void givesUpWaitingForALockAfterTwoSeconds() {
		// a lock held elsewhere fails the message (then retries, then the dead-letter
		// topic) instead of stalling the listener
		assertThat(this.jdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("2s");
	}

}
