package shop.systemtests;

import java.time.Duration;

import tools.jackson.databind.JsonNode;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The move of the catalog's data, as an operator follows and runs it: the catalog
 * service's {@code GET /actuator/migration} to look, {@code ./workshop migrate next} to
 * move on.
 */
final class CatalogMigration {

	private final RunningShop running;

	private final ShopClient catalogService;

	CatalogMigration(RunningShop running) {
		this.running = running;
		this.catalogService = new ShopClient(running.url("catalog-service"));
	}

	/**
	 * Reads where the migration stands.
	 * @return the answer of {@code GET /actuator/migration}
	 */
	JsonNode status() {
		ShopResponse answer = this.catalogService.get("/actuator/migration");
		assertThat(answer.status()).as("GET /actuator/migration: %s", answer).isEqualTo(200);
		return answer.json();
	}

	/**
	 * Returns the phase.
	 * @return {@code A}, {@code B} or {@code C}
	 */
	String phase() {
		return status().path("phase").asString();
	}

	/**
	 * Moves to the next phase with the attendee's command.
	 * @return what the command printed
	 */
	String next() {
		return this.running.workshop("migrate", "next");
	}

	/**
	 * Waits until the two copies agree row by row (phases A and B).
	 * @param within how long that may take
	 * @return the reconciliation once they agree
	 */
	JsonNode awaitAgreement(Duration within) {
		await("the old home and the catalog database to agree").atMost(within)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> status().path("reconciliation").path("drifting").asInt(-1) == 0);
		return status().path("reconciliation");
	}

}
