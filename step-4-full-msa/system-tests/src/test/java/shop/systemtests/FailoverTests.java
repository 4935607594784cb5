package shop.systemtests;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import workshop.cli.control.PrometheusText;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the inventory service, both registered, and one killed while reads run
 * through the gateway: {@code ./workshop scale inventory-service 2}, then
 * {@code ./workshop kill inventory-service-2}. No read fails (one sent to the killed
 * instance is tried again on the other), writes answer at once, and the gateway stops
 * sending to the killed instance within a few seconds: its load balancer's failed calls
 * to that port stop growing. An order placed after the kill completes once Kafka has
 * moved the killed instance's partitions to the instance left.
 */
@Order(60)
class FailoverTests {

	private static final Logger logger = LoggerFactory.getLogger(FailoverTests.class);

	private static final String FAILED_CALLS = "loadbalancer_requests_failed_seconds_count";

	private static final String SUCCEEDED_CALLS = "loadbalancer_requests_success_seconds_count";

	/**
	 * The inventory service's consumer groups: its commands, and the catalog's changes.
	 */
	private static final List<String> INVENTORY_GROUPS = List.of("inventory-service", "inventory-new-products");

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	/** Each inventory group's stable members with one instance: one per listener. */
	private final Map<String, Integer> membersOfOne = new HashMap<>();

	@BeforeEach
	void countMembersOfOneInstance() {
		for (String group : INVENTORY_GROUPS) {
			await("the consumer group " + group + " stable").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> this.running.stableMembers(group) > 0);
			this.membersOfOne.put(group, this.running.stableMembers(group));
		}
	}

	/**
	 * Leaves one instance, and waits until Kafka has handed the partitions the killed one
	 * held to the one left (its session times out after 6 s): until then, the orders and
	 * new products on those partitions wait, and so would the next test's.
	 */
	@AfterEach
	void oneInstanceAgain() {
		this.running.workshop("scale", "inventory-service", "1");
		long start = System.nanoTime();
		await("the inventory's consumer groups down to the instance left").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.membersOfOne.entrySet()
				.stream()
				.allMatch((group) -> this.running.stableMembers(group.getKey()) == group.getValue()));
		logger.info("Kafka's consumer groups settled on one instance {} ms after scaling down",
				Duration.ofNanos(System.nanoTime() - start).toMillis());
	}

	@Test
	void noReadFailsWhileOneOfTwoInstancesIsKilled() {
		Product product = this.shop.createProductWithStock("FAILOVER", 500, 40);
		assertThat(this.running.workshop("scale", "inventory-service", "2"))
			.startsWith("inventory-service at 2 instance(s): started inventory-service-2 on port ");
		int secondPort = this.running.step().app("inventory-service-2").port();
		await("the gateway sends reads to the second instance").atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.shop.get("/api/inventory/" + product.sku()).status() == 200
					&& calls(SUCCEEDED_CALLS, secondPort) > 0);

		ReadLoad load = ReadLoad.start(this.shop, "/api/inventory/" + product.sku(), 4);
		try {
			await("reads under way").atMost(Duration.ofSeconds(10)).until(() -> load.reads() >= 40);
			long killed = System.nanoTime();
			this.running.workshop("kill", "inventory-service-2");
			List<Integer> writes = writeStock(product.sku());
			// Until no call has gone to the killed instance for 2 s (health checks run
			// every second, the lease lapses after 6 s).
			long[] lastGrowth = { killed };
			double[] last = { 0 };
			await("the gateway no longer sends to the killed instance").atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> {
					double now = calls(FAILED_CALLS, secondPort);
					if (now > last[0]) {
						last[0] = now;
						lastGrowth[0] = System.nanoTime();
					}
					return System.nanoTime() - lastGrowth[0] > Duration.ofSeconds(2).toNanos();
				});
			Duration bound = Duration.ofNanos(lastGrowth[0] - killed);
			logger
				.info("Killed inventory-service-2 under {} reads: {} calls to it failed, the last {} ms after the kill;"
						+ " writes meanwhile answered {}", load.reads(), (long) last[0], bound.toMillis(), writes);

			assertThat(writes).as("each write answered at once, 200 or 503").allMatch((s) -> s == 200 || s == 503);
		}
		finally {
			load.close();
		}
		assertThat(load.failures()).as("failed reads by status").isEmpty();

		// Kafka's side: the partitions the killed instance held wait until its session
		// times out (6 s), then the instance left takes them and the order completes.
		String order = this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1)));
		await("the order placed after the kill completed").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> !this.shop.order(order).status().equals("PENDING"));
		assertThat(this.shop.order(order).status()).isEqualTo("CONFIRMED");
	}

	/** Five stock writes right after the kill, each bounded; their statuses. */
	private List<Integer> writeStock(String sku) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			ShopResponse response = this.shop.call("PUT", "/api/inventory/" + sku)
				.asAdmin()
				.json(new OnHand(40))
				.send();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("write %d", i).isLessThan(Duration.ofSeconds(5));
			statuses.add(response.status());
		}
		return statuses;
	}

	/** The gateway's load-balanced calls of one outcome to the instance on a port. */
	private double calls(String counter, int port) {
		URI gateway = this.running.url("gateway");
		ShopResponse scrape = new ShopClient(gateway).get("/actuator/prometheus");
		return PrometheusText.parse(scrape.body())
			.stream()
			.filter((sample) -> sample.name().equals(counter))
			.filter((sample) -> sample.labels().containsValue(String.valueOf(port)))
			.mapToDouble(PrometheusText.Sample::value)
			.sum();
	}

	/** The body of a stock write. */
	record OnHand(int onHand) {
	}

}
