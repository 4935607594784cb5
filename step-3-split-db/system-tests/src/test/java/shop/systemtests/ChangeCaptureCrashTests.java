package shop.systemtests;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase A under crashes: a write load with multi-row statements runs against the old home
 * while {@code ./workshop kill} takes down, in turn, the process that runs the Debezium
 * engine (catalog-service), the process that applies the stream to the replica (the
 * monolith) and the broker between them; {@code ./workshop start} brings each back while
 * the load goes on. Afterwards every copy holds every row exactly as the source does,
 * digest for digest: no change lost, and no redelivered older change applied over a newer
 * one (every round raises every price, so one would show).
 */
@Order(20)
class ChangeCaptureCrashTests {

	/** Rounds of writes before the kill, while down, and after the start. */
	private static final int ROUNDS_PER_STAGE = 3;

	/** A restarted app catches up on what it missed, on a busy 2-core machine. */
	private static final Duration CATCH_UP = Duration.ofSeconds(90);

	private final RunningShop running = RunningShop.get();

	@BeforeAll
	static void inPhaseA() {
		assertThat(RunningShop.get().migration().phase()).isEqualTo("A");
	}

	/** Leaves the shop as it found it: product calls through the gateway answer again. */
	@AfterEach
	void productCallsAnswerAgain() {
		ShopClient shop = new ShopClient(this.running.gatewayUrl());
		await("product calls through the gateway to answer again").atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> shop.get("/api/products").status() == 200);
	}

	@Test
	void killingTheEngineLosesNoChangeAndLeavesEveryRowAsTheSourceHasIt() {
		String prefix = "CRASH-E-";
		int products = writeWhileKilled("catalog-service", prefix);

		this.running.migration().awaitAgreement(CATCH_UP);
		assertSameRows(prefix, products);
	}

	@Test
	void killingTheReplicaFeedLosesNoChange() {
		String prefix = "CRASH-R-";
		int products = writeWhileKilled("monolith", prefix);

		assertSameRows(prefix, products);
	}

	@Test
	void restartingTheBrokerLosesNoChange() {
		String prefix = "CRASH-K-";
		int products = writeWhileKilled("kafka", prefix);

		this.running.migration().awaitAgreement(CATCH_UP);
		assertSameRows(prefix, products);
	}

	/**
	 * Runs the load against the old home, kills a process in the middle of it, starts it
	 * again, and stops the load a few rounds later.
	 * @return how many products the load wrote
	 */
	private int writeWhileKilled(String process, String prefix) {
		try (CatalogWriteLoad load = CatalogWriteLoad.start(this.running.database("shop"), prefix)) {
			awaitRounds(load, ROUNDS_PER_STAGE);
			assertThat(this.running.workshop("kill", process)).startsWith("Killed " + process);
			awaitRounds(load, 2 * ROUNDS_PER_STAGE);
			this.running.workshop("start", process);
			awaitRounds(load, 3 * ROUNDS_PER_STAGE);
			load.close();
			return load.products();
		}
	}

	private static void awaitRounds(CatalogWriteLoad load, int rounds) {
		await("round " + rounds + " of the write load").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> load.rounds() >= rounds);
	}

	/**
	 * Waits until the catalog's own database and the monolith's replica hold the products
	 * of the old home, each with the same digest.
	 */
	private void assertSameRows(String prefix, int products) {
		Map<String, String> source = digests("shop", "catalog.products", prefix);
		assertThat(source).hasSize(products);
		await("the catalog database and the replica to hold the old home's " + products + " products").atMost(CATCH_UP)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.untilAsserted(() -> {
				assertThat(digests("catalog", "catalog.products", prefix)).as("the catalog database").isEqualTo(source);
				assertThat(digests("shop", "catalog_replica.products", prefix)).as("the monolith's replica")
					.isEqualTo(source);
			});
	}

	private Map<String, String> digests(String database, String table, String prefix) {
		try (Connection connection = this.running.database(database)) {
			return CatalogRows.digests(connection, table, prefix);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
