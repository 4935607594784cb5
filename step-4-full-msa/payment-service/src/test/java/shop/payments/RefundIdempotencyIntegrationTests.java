package shop.payments;

import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refund Kafka delivers twice, as it may (at least once), or that an operator replays:
 * the customer gets the money back once. Refunds are recorded, never answered, and
 * nothing in a payment says it was refunded already: only the processed-message log tells
 * the copy from the first delivery.
 */
class RefundIdempotencyIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void refundsOnceWhenTheRefundIsDeliveredTwice() {
		UUID order = authorized(4_200);

		send(REFUND_PAYMENT, order, refundPayment(order, 4_200));
		RecordMetadata copy = send(REFUND_PAYMENT, order, refundPayment(order, 4_200));

		awaitHandled(copy);
		assertThat(payments(order)).containsExactlyInAnyOrder("AUTHORIZED", "REFUNDED");
	}

	@Test
	void recordsTheRefundInTheProcessedMessageLog() {
		UUID order = authorized(4_200);

		awaitHandled(send(REFUND_PAYMENT, order, refundPayment(order, 4_200)));

		assertThat(count("select count(*) from payments.processed_messages where topic = ? and message_key = ?",
				REFUND_PAYMENT, order.toString()))
			.isEqualTo(1);
	}

}
