package shop.payments.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.payments.AuthorizePayment;
import shop.payments.Payments;
import shop.payments.RefundPayment;
import shop.shared.messaging.ProcessedMessages;

/**
 * The order service's commands, taken from Kafka to {@link Payments}. Each runs in one
 * database transaction with its entry in the {@link ProcessedMessages} log and with the
 * answer it publishes (stored in the outbox, sent after the commit), so a command
 * delivered twice is handled once: one refund per cancelled order, however often Kafka
 * delivers it.
 */
@Component
class PaymentCommands {

	private final Payments payments;

	private final ProcessedMessages processed;

	PaymentCommands(Payments payments, ProcessedMessages processed) {
		this.payments = payments;
		this.processed = processed;
	}

	@KafkaListener(topics = "payments.authorize-payment")
	@Transactional
	void on(AuthorizePayment command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.payments.authorize(command.orderId(), command.total());
		}
	}

	// tag::refund-listener[]
	@KafkaListener(topics = "payments.refund-payment")
	@Transactional
	void on(RefundPayment command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.payments.refund(command.orderId(), command.total());
		}
	}
	// end::refund-listener[]

}
