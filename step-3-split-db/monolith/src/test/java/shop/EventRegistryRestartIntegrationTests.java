package shop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;

import shop.shared.config.EventPublicationCleanup;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event is lost when the application stops between publishing an event and handling
 * it. The first run places an order and stops before any listener ran: its listeners'
 * tasks are held and dropped, as if the process had been killed. The second run, on the
 * same database, finds the publication incomplete in {@code event_publication}, hands it
 * to the listener again, and the order reaches its final status. Runs two applications of
 * its own on a database of its own.
 */
class EventRegistryRestartIntegrationTests {

	private static final String INCOMPLETE_FOR_ORDER = "select count(*) from event_publication"
			+ " where completion_date is null and serialized_event like ?";

	private static final String COMPLETED_FOR_ORDER = "select count(*) from event_publication"
			+ " where completion_date is not null and serialized_event like ?";

	@Test
	void finishesAnOrderPlacedJustBeforeTheApplicationStopped() {
		String orderId;
		String location;
		try (ConfigurableApplicationContext first = start(ListenersNeverRun.class)) {
			ShopClient shop = new ShopClient(portOf(first), CatalogStream.shared());
			Awaitility.await("the replica to have the seed products")
				.atMost(Duration.ofSeconds(30))
				.until(() -> count(first, "select count(*) from catalog_replica.products where sku = ?",
						"MUG-CLASSIC") == 1);
			ShopClient.Answer placed = shop.placeOrder("restart@example.com", "MUG-CLASSIC", 1);
			assertThat(placed.json().path("status").asString()).isEqualTo("PENDING");
			orderId = placed.json().path("id").asString();
			location = placed.header("Location");
			assertThat(count(first, INCOMPLETE_FOR_ORDER, "%" + orderId + "%")).as("OrderPlaced, not handled").isOne();
		}

		try (ConfigurableApplicationContext second = start()) {
			ShopClient shop = new ShopClient(portOf(second), CatalogStream.shared());

			JsonNode order = shop.awaitFinal(location);

			assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
			Awaitility.await("every publication of the order completed")
				.atMost(Duration.ofSeconds(10))
				.until(() -> count(second, INCOMPLETE_FOR_ORDER, "%" + orderId + "%") == 0);
			assertThat(count(second, COMPLETED_FOR_ORDER, "%" + orderId + "%")).isPositive();

			second.getBean(EventPublicationCleanup.class).deleteOldCompletedPublications();

			assertThat(count(second, COMPLETED_FOR_ORDER, "%" + orderId + "%")).as("cleaned up").isZero();
		}
	}

	private static ConfigurableApplicationContext start(Class<?>... extraConfiguration) {
		List<Class<?>> sources = new ArrayList<>(List.of(ShopApplication.class));
		sources.addAll(List.of(extraConfiguration));
		// Arguments, so they override application.yml: a random port, a database of its
		// own with a replica of its own (so a consumer group of its own), the test JVM's
		// broker, and handled events old enough to clean up at once.
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run("--server.port=0",
				"--workshop.infra.database=restart", "--spring.jmx.enabled=false", "--shop.events.keep-completed=PT0S",
				"--spring.kafka.bootstrap-servers=" + CatalogStream.shared().bootstrapServers(),
				"--shop.catalog.replica.group=restart-catalog-replica");
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int count(ConfigurableApplicationContext context, String sql, Object... arguments) {
		Integer count = context.getBean(JdbcTemplate.class).queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

	/**
	 * An executor that holds the tasks of the asynchronous listeners and never runs them:
	 * the application stops with every event published and none handled.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ListenersNeverRun {

		@Bean
		TaskExecutor taskExecutor() {
			List<Runnable> held = new ArrayList<>();
			return held::add;
		}

	}

}
