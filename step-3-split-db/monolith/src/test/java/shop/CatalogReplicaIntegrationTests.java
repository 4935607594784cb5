package shop;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders are priced from the monolith's replica of the catalog, which follows the
 * catalog's change stream: a product on the stream can be ordered at its price, a price
 * change prices the next order, a change the replica has applied already (redelivered, or
 * older than what it has) changes nothing, and a deleted product can no longer be
 * ordered.
 */
class CatalogReplicaIntegrationTests extends ShopIntegrationTest {

	@Test
	void ordersAProductFromTheStreamAtItsPrice() {
		String sku = this.shop.newProduct(2300, 5);

		JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 2));

		assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(2300);
		assertThat(order.path("total").path("amount").asLong()).isEqualTo(4600);
	}

	@Test
	void pricesTheNextOrderAtTheChangedPrice() {
		String sku = this.shop.newProduct(2300, 5);

		sell(sku, 2500);

		JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 1));
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(2500);
	}

	@Test
	void skipsAChangeAtOrBelowTheLastOneApplied() {
		String sku = this.shop.newProduct(2300, 5);
		long applied = catalog.sell(sku, 2500);
		awaitApplied(sku, applied);
		long skippedBefore = skipped();

		catalog.changeAt(sku, 9999, applied); // the same change again, as after a crash
		catalog.changeAt(sku, 1111, applied - 1); // older than the one applied

		awaitSkipped(skippedBefore + 2);
		assertThat(priceInReplica(sku)).isEqualTo(2500);
		JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 1));
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(2500);
	}

	@Test
	void takesARowReadAgainByASnapshotOnlyWhereItsOwnIsOlder() {
		String sku = this.shop.newProduct(2300, 5);
		long applied = catalog.sell(sku, 2500);
		awaitApplied(sku, applied);
		long skippedBefore = skipped();

		catalog.readAgain(sku, 2600, applied + 8); // a repair, sent after the change
		awaitApplied(sku, applied + 8);
		catalog.readAgain(sku, 1111, applied - 8); // sent before it, redelivered

		awaitSkipped(skippedBefore + 1);
		assertThat(priceInReplica(sku)).isEqualTo(2600);
	}

	@Test
	void refusesToOrderADeletedProductAsAnUnknownSku() {
		String sku = this.shop.newProduct(2300, 5);
		long deleted = catalog.delete(sku);
		awaitApplied(sku, deleted);
		long skippedBefore = skipped();

		catalog.changeAt(sku, 2300, deleted - 1); // older than the deletion, redelivered
													// after it
		awaitSkipped(skippedBefore + 1);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", sku, 1);
		assertThat(placed.status()).isEqualTo(422);
		assertThat(placed.json().path("type").asString()).isEqualTo("https://workshop.example/problems/unknown-sku");
		assertThat(count("select count(*) from catalog_replica.products where sku = ? and not active", sku))
			.as("kept, inactive, with the deletion's LSN")
			.isOne();
	}

	@Test
	void recordsTheApplyLagAndShowsItInHealth() {
		this.shop.newProduct(2300, 5);

		String metrics = this.shop.get("/actuator/prometheus").body();
		assertThat(metrics).containsPattern("cdc_apply_lag_seconds_count\\{applier=\"catalog-replica\"[^}]*\\} [1-9]");
		assertThat(metrics).contains("cdc_apply_lag_seconds_bucket{applier=\"catalog-replica\"");
		JsonNode replica = this.shop.get("/actuator/health").json().path("components").path("catalogReplica");
		assertThat(replica.path("details").path("state").asString()).isEqualTo("following");
		assertThat(replica.path("details").path("partitions").asInt()).isEqualTo(3);
		assertThat(replica.path("details").path("lastLagMillis").isNumber()).isTrue();
	}

	private long skipped() {
		return this.shop.get("/actuator/health")
			.json()
			.path("components")
			.path("catalogReplica")
			.path("details")
			.path("skipped")
			.asLong();
	}

	private void awaitSkipped(long skipped) {
		Awaitility.await("the feed to skip the stale changes")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(this::skipped, (now) -> now >= skipped);
	}

	private long priceInReplica(String sku) {
		return this.jdbc.queryForObject("select price_amount from catalog_replica.products where sku = ?", Long.class,
				sku);
	}

}
