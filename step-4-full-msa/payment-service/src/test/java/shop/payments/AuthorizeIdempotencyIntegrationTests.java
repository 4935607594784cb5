package shop.payments;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An authorization Kafka delivers twice, as it may (at least once), or that an operator
 * replays: the same topic and key. The provider is asked once, one payment is recorded
 * and one answer goes out.
 */
class AuthorizeIdempotencyIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void authorizesOnceWhenTheAuthorizeIsDeliveredTwice() {
		UUID order = UUID.randomUUID();

		send(AUTHORIZE_PAYMENT, order, authorizePayment(order, 2_500));
		RecordMetadata copy = send(AUTHORIZE_PAYMENT, order, authorizePayment(order, 2_500));

		awaitHandled(copy);
		assertThat(payments(order)).containsExactly("AUTHORIZED");
		assertThat(publicationsFor(order)).isEqualTo(1);
		// every answer goes out through the outbox: once it has sent them all, what is
		// on the topic is all there will be
		Awaitility.await("the outbox to have sent the answer")
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count("select count(*) from payments.event_publication where serialized_event like ?"
					+ " and completion_date is null", "%" + order + "%") == 0);
		assertThat(broker.records(PAYMENT_AUTHORIZED, order.toString())).hasSize(1);
		assertThat(broker.records(AUTHORIZE_PAYMENT + ".DLT", order.toString())).isEmpty();
	}

}
