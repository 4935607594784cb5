package shop;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A declined payment across services: the order service asks the inventory service to
 * release the order's reservation, and rejects the order only once the inventory says the
 * units are free again. The test plays the inventory and payment services on a real
 * broker.
 */
class DeclineCompensationIntegrationTests extends ShopIntegrationTest {

	@Test
	void asksTheInventoryToReleaseTheReservationOfADeclinedOrder() {
		String order = reservedAndDeclined();

		JsonNode release = services.awaitCommand("inventory.release-stock", order);

		assertThat(release.path("orderId").asString()).isEqualTo(order);
		assertThat(services.commands("inventory.take-reserved-stock", order)).isEmpty();
	}

	@Test
	void rejectsTheDeclinedOrderOnlyOnceItsStockIsReleased() {
		String order = reservedAndDeclined();
		services.awaitCommand("inventory.release-stock", order);
		assertThat(status(order)).as("while the stock is still reserved").isEqualTo("PENDING");

		services.answer("inventory.stock-released", order);

		JsonNode rejected = this.shop.awaitFinal("/api/orders/" + order);
		assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
		assertThat(rejected.path("reason").asString()).isEqualTo("PAYMENT_DECLINED");
	}

	/** An order whose units were reserved and whose payment was declined. */
	private String reservedAndDeclined() {
		ShopClient.Answer placed = this.shop.placeOrder("buyer@example.com", newProduct(1250), 1);
		assertThat(placed.status()).as("placing an order: %s", placed.body()).isEqualTo(201);
		String order = placed.json().path("id").asString();
		services.awaitCommand("inventory.reserve-stock", order);
		services.answer("inventory.stock-reserved", order);
		services.awaitCommand("payments.authorize-payment", order);
		services.answer("payments.payment-declined", order);
		return order;
	}

	private String status(String order) {
		return this.shop.get("/api/orders/" + order).json().path("status").asString();
	}

}
