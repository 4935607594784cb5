package shop.payments;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer leaves through the outbox: it is stored in {@code event_publication} in the
 * transaction that records the payment and the message, and sent after the commit. A
 * transaction that fails leaves none of the three behind.
 */
class OutboxIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void storesTheAnswerWithThePaymentAndCompletesItOnceSent() {
		UUID order = UUID.randomUUID();

		send(AUTHORIZE_PAYMENT, order, authorizePayment(order, 1_999));

		awaitAnswer(PAYMENT_AUTHORIZED, order);
		Map<String, Object> publication = Awaitility.await("the publication to complete")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.jdbc.queryForMap(
					"select event_type, completion_date from payments.event_publication where serialized_event like ?",
					"%" + order + "%"), (row) -> row.get("completion_date") != null);
		assertThat(publication.get("event_type")).isEqualTo(PaymentAuthorized.class.getName());
		assertThat(payments(order)).containsExactly("AUTHORIZED");
	}

	@Test
	void leavesNoPaymentNoAnswerAndNoLogEntryWhenTheTransactionFails() {
		String key = "no-order-" + UUID.randomUUID();
		// without an order id the payment's insert fails at the commit, after the
		// answer was stored: the command is retried, then parked
		String command = "{\"orderId\": null, \"total\": {\"amount\": 500, \"currency\": \"USD\"}}";

		broker.send(AUTHORIZE_PAYMENT, key, command);

		assertThat(broker.await(AUTHORIZE_PAYMENT + ".DLT", key)).isEqualTo(command);
		assertThat(count("select count(*) from payments.payments where order_id is null")).isZero();
		assertThat(count(
				"select count(*) from payments.event_publication where serialized_event not like '%\"orderId\":\"%'"))
			.as("no answer without an order id in the outbox")
			.isZero();
		assertThat(count("select count(*) from payments.processed_messages where message_key = ?", key)).isZero();
	}

}
