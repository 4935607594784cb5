package shop;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 04: the monolith's replica applies each change of the catalog once. Kafka
 * delivers at least once, so the feed sees changes again (after a crash, a rebalance, a
 * consumer that starts over from an older offset), and a change may arrive after a newer
 * one of the same product. The replica keeps, per row, the log position
 * ({@code source_lsn}) of the last change it applied; a change at or below it must leave
 * the row as it is.
 * <p>
 * The tests run the real monolith on the embedded PostgreSQL of the infra module and
 * write the catalog's change stream, Debezium-shaped records keyed by product id, to a
 * real Kafka broker (the monolith's own test harness, {@link ShopIntegrationTest} and
 * {@link CatalogStream}, which is why they live in its package). They wait until the feed
 * has read the replayed records, then read the replica's row.
 */
class ReplayedChangesIntegrationTests extends ShopIntegrationTest {

	@Test
	void keepsTheNewestPriceWhenAnOlderBatchIsReplayed() {
		String sku = this.shop.newProduct(2300, 5);
		long[] batch = { catalog.sell(sku, 2400), catalog.sell(sku, 2500), catalog.sell(sku, 2600) };
		long newest = catalog.sell(sku, 2700);
		awaitApplied(sku, newest);
		long read = settledChangesRead();

		// the batch again, after the newer change: as a consumer that starts over from an
		// older offset reads it
		catalog.changeAt(sku, 2400, batch[0]);
		catalog.changeAt(sku, 2500, batch[1]);
		catalog.changeAt(sku, 2600, batch[2]);
		awaitChangesRead(read + batch.length);

		assertThat(replicaRow(sku))
			.as("the replica's row of %s after replaying LSNs %d-%d below %d", sku, batch[0], batch[2], newest)
			.containsEntry("price_amount", 2700L)
			.containsEntry("source_lsn", newest);
		JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 1));
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong())
			.as("the unit price of the next order of %s", sku)
			.isEqualTo(2700);
	}

	@Test
	void skipsAChangeRedeliveredAtThePositionAppliedLast() {
		String sku = this.shop.newProduct(2300, 5);
		long applied = catalog.sell(sku, 2500);
		awaitApplied(sku, applied);
		long read = settledChangesRead();

		catalog.changeAt(sku, 9999, applied); // the same position again

		awaitChangesRead(read + 1);
		assertThat(replicaRow(sku)).as("the replica's row of %s after a change at LSN %d again", sku, applied)
			.containsEntry("price_amount", 2500L)
			.containsEntry("source_lsn", applied);
	}

	@Test
	void keepsADeletedProductDeletedWhenAnOlderChangeArrives() {
		String sku = this.shop.newProduct(2300, 5);
		long priced = catalog.sell(sku, 2400);
		long deleted = catalog.delete(sku);
		awaitApplied(sku, deleted);
		long read = settledChangesRead();

		catalog.changeAt(sku, 2400, priced); // older than the deletion

		awaitChangesRead(read + 1);
		assertThat(replicaRow(sku))
			.as("the replica's row of %s, deleted at LSN %d, after a change at LSN %d", sku, deleted, priced)
			.containsEntry("active", false)
			.containsEntry("source_lsn", deleted);
		assertThat(this.shop.placeOrder("ada@example.com", sku, 1).status()).as("an order of the deleted %s", sku)
			.isEqualTo(422);
	}

	private Map<String, Object> replicaRow(String sku) {
		return this.jdbc
			.queryForMap("select price_amount, active, source_lsn from catalog_replica.products where sku = ?", sku);
	}

	/** How many changes the feed has read, applied or skipped, as its health says. */
	private long changesRead() {
		JsonNode feed = this.shop.get("/actuator/health")
			.json()
			.path("components")
			.path("catalogReplica")
			.path("details");
		return feed.path("applied").asLong() + feed.path("skipped").asLong();
	}

	/**
	 * How many changes the feed has read, once the count has settled: the feed counts a
	 * batch just after its database commit, which {@link #awaitApplied} has seen.
	 */
	private long settledChangesRead() {
		AtomicLong last = new AtomicLong(-1);
		Awaitility.await("the feed's count of changes read to settle")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				long now = changesRead();
				return last.getAndSet(now) == now;
			});
		return last.get();
	}

	private void awaitChangesRead(long read) {
		Awaitility.await("the feed to read the replayed changes")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(this::changesRead, (now) -> now >= read);
	}

}
