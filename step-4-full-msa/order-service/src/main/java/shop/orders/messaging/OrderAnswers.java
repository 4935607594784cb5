package shop.orders.messaging;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.inventory.StockPutBack;
import shop.inventory.StockReleased;
import shop.inventory.StockReserved;
import shop.inventory.StockShort;
import shop.inventory.StockTaken;
import shop.payments.PaymentAuthorized;
import shop.payments.PaymentDeclined;
import shop.shared.messaging.ProcessedMessages;

/**
 * The inventory's and the payment service's answers, taken from Kafka into the order
 * flow. Each is published as an application event in one transaction with its entry in
 * the {@link ProcessedMessages} log, and {@code OrderFlow} handles it synchronously, in
 * that transaction: the log row, the order's change and the next command, stored in the
 * outbox, commit together. If anything fails, nothing commits, the offset is not
 * committed either, and the answer is tried again, then parked in its dead-letter topic.
 * A message delivered twice is handed on once.
 */
@Component
class OrderAnswers {

	private final ApplicationEventPublisher events;

	private final ProcessedMessages processed;

	OrderAnswers(ApplicationEventPublisher events, ProcessedMessages processed) {
		this.events = events;
		this.processed = processed;
	}

	// tag::answer-listener[]
	@KafkaListener(topics = "inventory.stock-reserved")
	@Transactional
	void on(StockReserved answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}
	// end::answer-listener[]

	@KafkaListener(topics = "inventory.stock-short")
	@Transactional
	void on(StockShort answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}

	@KafkaListener(topics = "inventory.stock-taken")
	@Transactional
	void on(StockTaken answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}

	@KafkaListener(topics = "inventory.stock-released")
	@Transactional
	void on(StockReleased answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}

	/**
	 * Only recorded: the flow is done with a cancelled order, and {@code OrderController}
	 * looks for this record before it answers the customer's cancel.
	 */
	@KafkaListener(topics = "inventory.stock-put-back")
	@Transactional
	void on(StockPutBack answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		this.processed.firstDelivery(topic, key);
	}

	@KafkaListener(topics = "payments.payment-authorized")
	@Transactional
	void on(PaymentAuthorized answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}

	@KafkaListener(topics = "payments.payment-declined")
	@Transactional
	void on(PaymentDeclined answer, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		handOn(answer, topic, key);
	}

	private void handOn(Object answer, String topic, String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.events.publishEvent(answer);
		}
	}

}
