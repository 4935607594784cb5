package shop.inventory.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an empty stock record for every product the catalog adds. Follows the catalog's
 * change stream (Debezium change events, the new row under {@code after}) as a consumer
 * group of its own, which the catalog service waits for before it answers an
 * administrator's write: a new product answers {@code GET /api/inventory/{sku}} at once,
 * as the API promises. Opening a record that exists changes nothing, so a change read
 * twice is harmless.
 */
@Component
class NewProductStock {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final StockRepository stock;

	NewProductStock(StockRepository stock) {
		this.stock = stock;
	}

	@KafkaListener(topics = "${shop.inventory.catalog-topic}", groupId = "${shop.inventory.catalog-group}")
	@Transactional
	void on(ConsumerRecord<String, byte[]> change) {
		if (change.value() == null) {
			return; // the tombstone after a deletion
		}
		JsonNode sku = json.readTree(change.value()).path("after").path("sku");
		if (sku.isString() && !this.stock.existsById(sku.asString())) {
			this.stock.save(new Stock(sku.asString()));
		}
	}

}
