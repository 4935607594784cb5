package shop.inventory.messaging;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import shop.inventory.Inventory;
import shop.inventory.PutBackStock;
import shop.inventory.ReleaseStock;
import shop.inventory.ReserveStock;
import shop.inventory.TakeReservedStock;
import shop.shared.messaging.ProcessedMessages;

/**
 * The order service's commands, taken from Kafka to {@link Inventory}. Each runs in one
 * database transaction with its entry in the {@link ProcessedMessages} log and with the
 * answer it publishes (stored in the outbox, sent after the commit), so a command
 * delivered twice is handled once. A command that fails is tried again, then parked in
 * its dead-letter topic.
 */
@Component
class InventoryCommands {

	private final Inventory inventory;

	private final ProcessedMessages processed;

	InventoryCommands(Inventory inventory, ProcessedMessages processed) {
		this.inventory = inventory;
		this.processed = processed;
	}

	// tag::reserve-listener[]
	@KafkaListener(topics = "inventory.reserve-stock")
	@Transactional
	void on(ReserveStock command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.inventory.reserve(command.orderId(), command.lines());
		}
	}
	// end::reserve-listener[]

	@KafkaListener(topics = "inventory.take-reserved-stock")
	@Transactional
	void on(TakeReservedStock command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.inventory.takeReserved(command.orderId());
		}
	}

	@KafkaListener(topics = "inventory.release-stock")
	@Transactional
	void on(ReleaseStock command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.inventory.release(command.orderId());
		}
	}

	@KafkaListener(topics = "inventory.put-back-stock")
	@Transactional
	void on(PutBackStock command, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic,
			@Header(KafkaHeaders.RECEIVED_KEY) String key) {
		if (this.processed.firstDelivery(topic, key)) {
			this.inventory.putBack(command.orderId());
		}
	}

}
