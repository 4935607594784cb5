package shop;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trace goes on where the order flow goes: across both of the service's asynchronous
 * hops (the listener after the commit, the outbox after it) into the next command's Kafka
 * headers. The test starts each trace itself, as the gateway or another service would,
 * with the W3C {@code traceparent} header, and finds its trace id on the command the
 * service sends next.
 */
class TracePropagationIntegrationTests extends ShopIntegrationTest {

	@Test
	void theReservationOfAnOrderGoesOutInTheTraceOfTheRequestThatPlacedIt() {
		String traceId = newTraceId();
		ShopClient.Answer placed = this.shop.post("/api/orders",
				ShopClient.orderBody("buyer@example.com", newProduct(1250), 1),
				Map.of("traceparent", traceparent(traceId)));
		assertThat(placed.status()).as("placing an order: %s", placed.body()).isEqualTo(201);
		String order = placed.json().path("id").asString();

		services.awaitCommand("inventory.reserve-stock", order);
		assertThat(awaitTraceparent("inventory.reserve-stock", order)).contains(traceId);
	}

	@Test
	void thePaymentOfAnOrderGoesOutInTheTraceOfTheAnswerThatReservedItsStock() {
		ShopClient.Answer placed = this.shop.placeOrder("buyer@example.com", newProduct(1250), 1);
		String order = placed.json().path("id").asString();
		services.awaitCommand("inventory.reserve-stock", order);

		String traceId = newTraceId();
		services.answerTraced("inventory.stock-reserved", order, traceparent(traceId));

		services.awaitCommand("payments.authorize-payment", order);
		assertThat(awaitTraceparent("payments.authorize-payment", order)).contains(traceId);
	}

	private static String awaitTraceparent(String topic, String order) {
		return Awaitility.await("the trace header of " + topic + " for " + order)
			.atMost(Duration.ofSeconds(5))
			.until(() -> services.traceparents(topic, order), (headers) -> !headers.isEmpty())
			.get(0);
	}

	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String traceparent(String traceId) {
		return "00-" + traceId + "-" + traceId.substring(16) + "-01";
	}

}
