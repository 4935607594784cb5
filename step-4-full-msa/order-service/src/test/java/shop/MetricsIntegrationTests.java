package shop;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import workshop.cli.control.PrometheusText;
import workshop.cli.control.PrometheusText.Sample;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the order service shows Prometheus at {@code /actuator/prometheus}: the saga's
 * outcomes, its outbox, the lag of its Kafka consumers and of its catalog replica, each
 * read from the scrape and held against the database or the broker it describes.
 */
class MetricsIntegrationTests extends ShopIntegrationTest {

	private static final Duration SETTLED = Duration.ofSeconds(10);

	@Test
	void countsTheOrdersInEachStatusAsTheTableHasThem() {
		String order = this.shop.placeOrder("buyer@example.com", newProduct(700), 1).json().path("id").asString();
		services.awaitCommand("inventory.reserve-stock", order);
		services.answer("inventory.stock-short", order);
		this.shop.awaitFinal("/api/orders/" + order);

		Awaitility.await("the gauges to agree with the table").atMost(SETTLED).untilAsserted(() -> {
			String scrape = scrape();
			for (String status : new String[] { "PENDING", "CONFIRMED", "REJECTED", "CANCELLED" }) {
				assertThat(value(scrape, "shop_orders", (sample) -> sample.label("status").equals(status))).as(status)
					.isEqualTo(count("select count(*) from orders.orders where status = ?", status));
			}
		});
		assertThat(value(scrape(), "shop_orders", (sample) -> sample.label("status").equals("REJECTED"))).isPositive();
	}

	@Test
	void countsWhatWaitsInTheOutboxAndHowLongTheOldestHasWaited() {
		// an event no listener of the service takes stays in the outbox until removed
		UUID waiting = UUID.randomUUID();
		this.jdbc.update("insert into orders.event_publication"
				+ " (id, listener_id, event_type, serialized_event, publication_date)"
				+ " values (?, 'no-such-listener', 'java.lang.String', '\"waiting\"', now() - interval '1 minute')",
				waiting);
		try {
			Awaitility.await("the backlog to count it").atMost(SETTLED).untilAsserted(() -> {
				assertThat(value(scrape(), "shop_outbox_backlog")).isPositive()
					.isEqualTo(count("select count(*) from orders.event_publication where completion_date is null"));
			});
			assertThat(value(scrape(), "shop_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(60);
		}
		finally {
			this.jdbc.update("delete from orders.event_publication where id = ?", waiting);
		}
	}

	@Test
	void measuresTheLagOfItsConsumersAndOfItsReplica() {
		newProduct(900); // a change the replica applies, once the test has seen it there
		String scrape = scrape();
		assertThat(value(scrape, "kafka_consumer_fetch_manager_records_lag_max",
				(sample) -> sample.label("client_id").startsWith("consumer-order-service-")))
			.as("the largest lag of a consumer of the answers, over its partitions")
			.isGreaterThanOrEqualTo(0);
		assertThat(value(scrape, "cdc_apply_lag_seconds_count")).as("changes the replica applied").isPositive();
	}

	private String scrape() {
		ShopClient.Answer scrape = this.shop.get("/actuator/prometheus");
		assertThat(scrape.status()).isEqualTo(200);
		return scrape.body();
	}

	/** The value of the first sample of a metric whose labels pass the test. */
	private static double value(String scrape, String name, Predicate<Sample> labels) {
		return PrometheusText.parse(scrape)
			.stream()
			.filter((sample) -> sample.name().equals(name) && labels.test(sample))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no sample " + name + " in the scrape"))
			.value();
	}

	private static double value(String scrape, String name) {
		return value(scrape, name, (sample) -> true);
	}

}
