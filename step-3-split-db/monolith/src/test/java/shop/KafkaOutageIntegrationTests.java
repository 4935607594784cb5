package shop;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the broker down, the monolith keeps confirming orders from the replica as it is,
 * and its health says the feed has no broker; once the broker is back, the feed picks up
 * where its committed offsets say and the replica catches up.
 */
class KafkaOutageIntegrationTests extends ShopIntegrationTest {

	@Test
	void confirmsOrdersWhileTheBrokerIsDownAndCatchesUpAfterwards() {
		String sku = this.shop.newProduct(1250, 5);
		TestBroker broker = TestBroker.shared();

		broker.stop();
		try {
			awaitFeedState("no-broker");
			JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 2));
			assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
			assertThat(order.path("total").path("amount").asLong()).isEqualTo(2500);
			assertThat(this.shop.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
		}
		finally {
			broker.startAgain();
		}

		sell(sku, 1300);
		awaitFeedState("following");
		JsonNode order = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 1));
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(1300);
	}

	private void awaitFeedState(String state) {
		Awaitility.await("the feed's state to be " + state)
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.shop.get("/actuator/health")
				.json()
				.path("components")
				.path("catalogReplica")
				.path("details")
				.path("state")
				.asString(), state::equals);
	}

}
