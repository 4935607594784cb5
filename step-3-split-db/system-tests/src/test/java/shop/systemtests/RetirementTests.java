package shop.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import workshop.contract.Money;
import workshop.contract.Product;
import workshop.contract.Product.NewProduct;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase C, with {@code ./workshop migrate next}: the old home's tables are dropped by a
 * migration, and its replication slot and publication are removed, so no slot is left
 * holding back the server's write-ahead log. The catalog's change stream goes on, from
 * its own database.
 */
@Order(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetirementTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	@Order(1)
	void dropsTheOldCopyAndLeavesNoSlotRetainingTheLog() throws SQLException {
		assertThat(this.running.migration().phase()).isEqualTo("B");

		String moved = this.running.migration().next();

		assertThat(this.running.migration().phase()).as(moved).isEqualTo("C");
		try (Connection shop = this.running.database("shop"); Statement sql = shop.createStatement()) {
			assertThat(strings(sql, "select coalesce(to_regclass('catalog.products')::text, 'gone')"))
				.containsExactly("gone");
			assertThat(strings(sql, "select pubname from pg_publication")).as("publications in shop").isEmpty();
			assertThat(strings(sql,
					"select slot_name || ' of ' || database || (case when active then '' else ', inactive' end)"
							+ " from pg_replication_slots"))
				.as("the server's slots")
				.singleElement()
				.satisfies((slot) -> assertThat(slot).endsWith(" of catalog"));
		}
	}

	@Test
	@Order(2)
	void streamsTheCatalogsOwnDatabaseToTheReplicaAfterwards() {
		Product product = this.shop.createProduct("RETIRED", 300);
		NewProduct dearer = new NewProduct(product.sku(), product.name(), product.description(), Money.usd(400), true);
		this.shop.call("PUT", "/api/products/" + product.id()).asAdmin().json(dearer).send();

		await("the replica to have the new price").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.running.replicaPrice(product.sku()) == 400);
	}

	private static List<String> strings(Statement sql, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = sql.executeQuery(query)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
