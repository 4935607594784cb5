package shop.inventory;

import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory follows the catalog's change stream: a new product gets an empty stock
 * record, and a change of a product it knows leaves the stock alone. The record is there
 * as soon as the group has committed its offset past the change, which is what the
 * catalog service waits for before it answers an administrator's write.
 */
class NewProductStockIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void opensAnEmptyStockRecordForANewSku() {
		String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		assertThat(get("/api/inventory/" + sku).statusCode()).isEqualTo(404);

		broker.awaitHandled(CATALOG_GROUP, catalogChange("c", sku));

		JsonNode stock = stock(sku);
		assertThat(stock.path("onHand").asInt()).isZero();
		assertThat(stock.path("reserved").asInt()).isZero();
		assertThat(stock.path("available").asInt()).isZero();
	}

	@Test
	void leavesTheStockOfAKnownSkuAlone() {
		String sku = newSku(7);

		RecordMetadata change = catalogChange("u", sku);

		broker.awaitHandled(CATALOG_GROUP, change);
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(7);
	}

}
