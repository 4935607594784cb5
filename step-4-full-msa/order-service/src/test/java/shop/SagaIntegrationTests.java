package shop;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order flow across services, with the inventory and payment services played by the
 * test over the real broker: each command the order service sends, each answer it gets,
 * and the status the order has in between.
 */
class SagaIntegrationTests extends ShopIntegrationTest {

	@Test
	void confirmsAnOrderOnceItsStockIsTaken() {
		String sku = newProduct(1250);
		String order = place(sku, 2);

		JsonNode reserve = services.awaitCommand("inventory.reserve-stock", order);
		assertThat(reserve.path("lines").get(0).path("sku").asString()).isEqualTo(sku);
		assertThat(reserve.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
		services.answer("inventory.stock-reserved", order);

		JsonNode authorize = services.awaitCommand("payments.authorize-payment", order);
		assertThat(authorize.path("total").path("amount").asLong()).isEqualTo(2500);
		services.answer("payments.payment-authorized", order);

		services.awaitCommand("inventory.take-reserved-stock", order);
		assertThat(status(order)).as("before the stock is taken").isEqualTo("PENDING");
		services.answer("inventory.stock-taken", order);

		assertThat(awaitFinal(order).path("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void rejectsAnOrderTheStockCannotCoverWithoutAskingForPayment() {
		String order = place(newProduct(1250), 1);
		services.awaitCommand("inventory.reserve-stock", order);

		services.answer("inventory.stock-short", order);

		JsonNode rejected = awaitFinal(order);
		assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertThat(services.commands("payments.authorize-payment", order)).isEmpty();
	}

	// tag::release-on-decline-test[]
	@Test
	void releasesTheReservationBeforeRejectingADeclinedOrder() {
		String order = place(newProduct(1250), 1);
		services.awaitCommand("inventory.reserve-stock", order);
		services.answer("inventory.stock-reserved", order);
		services.awaitCommand("payments.authorize-payment", order);

		services.answer("payments.payment-declined", order);

		services.awaitCommand("inventory.release-stock", order);
		assertThat(status(order)).as("before the stock is released").isEqualTo("PENDING");
		services.answer("inventory.stock-released", order);
		JsonNode rejected = awaitFinal(order);
		assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.path("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(services.commands("inventory.take-reserved-stock", order)).isEmpty();
	}
	// end::release-on-decline-test[]

	@Test
	void cancelsAConfirmedOrderAndAsksForItsUnitsAndItsMoneyBack() {
		String order = confirmedOrder();

		ShopClient.Answer cancelled = this.shop.post("/api/orders/" + order + "/cancel", "");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		services.awaitCommand("inventory.put-back-stock", order);
		JsonNode refund = services.awaitCommand("payments.refund-payment", order);
		assertThat(refund.path("total").path("amount").asLong()).isEqualTo(1250);
	}

	@Test
	void handsAnAnswerDeliveredTwiceToTheFlowOnce() {
		String order = place(newProduct(1250), 1);
		services.awaitCommand("inventory.reserve-stock", order);

		services.answer("inventory.stock-reserved", order);
		services.answer("inventory.stock-reserved", order);

		services.awaitCommand("payments.authorize-payment", order);
		services.answer("inventory.stock-short", order); // a later, different answer
															// still counts
		Awaitility.await("the second copy to be read")
			.during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.until(() -> services.commands("payments.authorize-payment", order).size() == 1);
		assertThat(services.commands("payments.authorize-payment", order)).hasSize(1);
	}

	@Test
	void parksAnAnswerItCannotReadAndHandlesTheNextOne() {
		String broken = place(newProduct(1250), 1);
		String next = place(newProduct(1250), 1);
		services.awaitCommand("inventory.reserve-stock", broken);
		services.awaitCommand("inventory.reserve-stock", next);

		services.send("inventory.stock-short", broken, "this is not JSON");
		services.answer("inventory.stock-short", next);

		assertThat(awaitFinal(next).path("status").asString()).isEqualTo("REJECTED");
		Awaitility.await("the unreadable answer in inventory.stock-short.DLT")
			.atMost(Duration.ofSeconds(20))
			.until(() -> services.messages("inventory.stock-short.DLT", broken), (parked) -> parked.size() == 1);
		assertThat(services.messages("inventory.stock-short.DLT", broken)).containsExactly("this is not JSON");
		assertThat(status(broken)).isEqualTo("PENDING");
	}

	/** An order through the whole flow to CONFIRMED, one unit at $12.50. */
	private String confirmedOrder() {
		String order = place(newProduct(1250), 1);
		services.awaitCommand("inventory.reserve-stock", order);
		services.answer("inventory.stock-reserved", order);
		services.awaitCommand("payments.authorize-payment", order);
		services.answer("payments.payment-authorized", order);
		services.awaitCommand("inventory.take-reserved-stock", order);
		services.answer("inventory.stock-taken", order);
		assertThat(awaitFinal(order).path("status").asString()).isEqualTo("CONFIRMED");
		return order;
	}

	private String place(String sku, int quantity) {
		ShopClient.Answer placed = this.shop.placeOrder("buyer@example.com", sku, quantity);
		assertThat(placed.status()).as("placing an order: %s", placed.body()).isEqualTo(201);
		return placed.json().path("id").asString();
	}

	private String status(String order) {
		return this.shop.get("/api/orders/" + order).json().path("status").asString();
	}

	private JsonNode awaitFinal(String order) {
		return this.shop.awaitFinal("/api/orders/" + order);
	}

}
