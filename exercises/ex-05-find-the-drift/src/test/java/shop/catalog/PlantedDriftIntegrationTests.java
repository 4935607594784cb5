package shop.catalog;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exercise 05: before the cutover, reconciliation compares the catalog's two copies row
 * by row and names every row that is not the same on both sides. The tests plant drift:
 * they write to the catalog's own database behind the engine's back, as a bug, a manual
 * fix or a lost change would, and read the report of {@code GET /actuator/migration}.
 * <p>
 * The service runs in phase A on the embedded PostgreSQL and Kafka broker of the infra
 * module (the catalog service's own test harness, {@link CatalogServiceIntegrationTest},
 * which is why the tests live in its package). Each test puts back the rows it changed.
 */
class PlantedDriftIntegrationTests extends CatalogServiceIntegrationTest {

	private static final String ROWS = """
			select id, sku, name, description, price_amount, price_currency, active, source_lsn
			from catalog.products""";

	private final PostgresServer postgres = SharedInfrastructure.postgres();

	private final JdbcTemplate catalogDatabase = new JdbcTemplate(new DriverManagerDataSource(
			this.postgres.jdbcUrl("catalog"), this.postgres.username(), this.postgres.password()));

	private List<Map<String, Object>> rowsBefore;

	@BeforeEach
	void awaitTheCopiesAgree() {
		await("the copy of the old home to agree with it").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				JsonNode report = reconciliation();
				return report.path("drifting").asInt(-1) == 0 && report.path("ownDatabase").asInt() > 0
						&& report.path("ownDatabase").asInt() == report.path("oldHome").asInt();
			});
		this.rowsBefore = this.catalogDatabase.queryForList(ROWS);
	}

	@AfterEach
	void putTheRowsBack() {
		for (Map<String, Object> row : this.rowsBefore) {
			this.catalogDatabase.update("""
					update catalog.products
					   set sku = ?, name = ?, description = ?, price_amount = ?, price_currency = ?, active = ?,
					       source_lsn = ?
					 where id = ?""", row.get("sku"), row.get("name"), row.get("description"), row.get("price_amount"),
					row.get("price_currency"), row.get("active"), row.get("source_lsn"), row.get("id"));
		}
	}

	@Test
	void reportsAPriceChangedBehindTheEnginesBack() {
		String id = plant("MUG-CLASSIC", "price_amount = price_amount + 1");

		JsonNode report = reconciliation();

		assertThat(report.path("drifting").asInt()).as("drifting rows after a price change of MUG-CLASSIC (%s)", id)
			.isOne();
		assertThat(report.path("drift").get(0).path("id").asString()).isEqualTo(id);
		assertThat(report.path("drift").get(0).path("problem").asString()).isEqualTo("differs");
	}

	@Test
	void reportsADifferenceInEveryColumnTheCopiesShare() {
		Set<String> planted = Set.of(plant("ESP-BEANS-250", "sku = sku || '-X'"),
				plant("FILTER-BEANS-250", "name = 'Drifted'"), plant("DECAF-BEANS-250", "description = 'Drifted'"),
				plant("CUP-ESPRESSO-2", "price_amount = price_amount * 2"),
				plant("POUR-OVER", "price_currency = 'EUR'"), plant("FILTER-PAPER-100", "active = not active"));

		JsonNode report = reconciliation();

		Set<String> reported = new HashSet<>();
		report.path("drift").forEach((row) -> {
			assertThat(row.path("problem").asString()).as("the problem of row %s", row.path("id")).isEqualTo("differs");
			reported.add(row.path("id").asString());
		});
		assertThat(reported).as("the rows reported, one changed in each column").isEqualTo(planted);
		assertThat(report.path("drifting").asInt()).isEqualTo(planted.size());
	}

	@Test
	void agreesWhenOnlyTheSourcePositionDiffers() {
		plant("NOTEBOOK-A5", "source_lsn = coalesce(source_lsn, 0) + 1");

		JsonNode report = reconciliation();

		assertThat(report.path("drifting").asInt())
			.as("drifting rows when only the source position, which the old home has not, changed")
			.isZero();
	}

	/**
	 * Changes one row of the catalog's own database, with no change in the old home.
	 * @return the row's id
	 */
	private String plant(String sku, String change) {
		return this.catalogDatabase.queryForObject(
				"update catalog.products set " + change + " where sku = ? returning id::text", String.class, sku);
	}

	private JsonNode reconciliation() {
		return json(get("/actuator/migration")).path("reconciliation");
	}

}
