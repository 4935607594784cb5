package shop;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An answer Kafka delivers twice, as it may (at least once), or that an operator replays:
 * the order service hands it to the flow once, so the order is paid for once. The test
 * plays the inventory and payment services on a real broker.
 */
class ReplayedAnswerIntegrationTests extends ShopIntegrationTest {

	@Test
	void asksForThePaymentOnceWhenTheReservationIsAnsweredTwice() {
		String order = placed();

		services.answer("inventory.stock-reserved", order);
		services.answer("inventory.stock-reserved", order);

		services.awaitCommand("payments.authorize-payment", order);
		Awaitility.await("no second payment request")
			.during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> services.commands("payments.authorize-payment", order).size() == 1);
	}

	@Test
	void recordsEachAnswerItHandledOnce() {
		String order = placed();

		services.answer("inventory.stock-short", order);
		services.answer("inventory.stock-short", order);

		assertThat(this.shop.awaitFinal("/api/orders/" + order).path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		Awaitility.await("the answer in the processed-message log")
			.atMost(Duration.ofSeconds(10))
			.until(() -> count("select count(*) from orders.processed_messages where topic = ? and message_key = ?",
					"inventory.stock-short", order) == 1);
	}

	private String placed() {
		ShopClient.Answer placed = this.shop.placeOrder("buyer@example.com", newProduct(1250), 1);
		assertThat(placed.status()).as("placing an order: %s", placed.body()).isEqualTo(201);
		String order = placed.json().path("id").asString();
		services.awaitCommand("inventory.reserve-stock", order);
		return order;
	}

}
