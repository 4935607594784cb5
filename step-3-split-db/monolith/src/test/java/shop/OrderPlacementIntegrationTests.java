package shop;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placing and cancelling orders end to end: HTTP in, PostgreSQL underneath.
 */
class OrderPlacementIntegrationTests extends ShopIntegrationTest {

	@Test
	void confirmsOrderAndTakesUnitsOffHand() {
		String sku = this.shop.newProduct(1250, 10);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", sku, 3);

		assertThat(placed.status()).isEqualTo(201);
		JsonNode order = this.shop.awaitFinal(placed);
		assertThat(placed.header("Location")).isEqualTo("/api/orders/" + order.path("id").asString());
		assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.path("reason").isNull()).isTrue();
		assertThat(order.path("total").path("amount").asLong()).isEqualTo(3750);
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(1250);
		assertStock(sku, 7, 0);
		assertThat(this.shop.get(placed.header("Location")).json().path("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void rejectsOrderWhenStockIsShortAndKeepsTheStock() {
		String sku = this.shop.newProduct(1250, 2);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", sku, 3);

		assertThat(placed.status()).isEqualTo(201);
		assertThat(this.shop.awaitFinal(placed).path("status").asString()).isEqualTo("REJECTED");
		assertThat(this.shop.awaitFinal(placed).path("reason").asString()).isEqualTo("OUT_OF_STOCK");
		assertStock(sku, 2, 0);
	}

	@Test
	void releasesReservationWhenPaymentIsDeclined() {
		String sku = this.shop.newProduct(60_000, 5);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", sku, 2);

		assertThat(this.shop.awaitFinal(placed).path("status").asString()).isEqualTo("REJECTED");
		assertThat(this.shop.awaitFinal(placed).path("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertStock(sku, 5, 0);
		assertThat(count("select count(*) from payments.payments where order_id = ?::uuid and status = 'DECLINED'",
				placed.json().path("id").asString()))
			.isOne();
	}

	@Test
	void authorizesATotalAtTheLimit() {
		String sku = this.shop.newProduct(50_000, 5);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", sku, 2);

		assertThat(this.shop.awaitFinal(placed).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(count("select count(*) from payments.payments where order_id = ?::uuid and status = 'AUTHORIZED'",
				placed.json().path("id").asString()))
			.isOne();
	}

	@Test
	void keepsTheCapturedUnitPriceWhenTheCatalogPriceChanges() {
		String sku = this.shop.newProduct(1000, 5);
		String orderId = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 1)).path("id").asString();

		sell(sku, 2000);

		JsonNode order = this.shop.get("/api/orders/" + orderId).json();
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(1000);
		assertThat(order.path("total").path("amount").asLong()).isEqualTo(1000);
	}

	@Test
	void cancelsAConfirmedOrderAndPutsItsUnitsBack() {
		String sku = this.shop.newProduct(1250, 4);
		String orderId = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 3)).path("id").asString();
		assertStock(sku, 1, 0);

		ShopClient.Answer cancelled = this.shop.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("reason").asString()).isEqualTo("CANCELLED_BY_CUSTOMER");
		assertStock(sku, 4, 0);
		assertThat(count("select count(*) from payments.payments where order_id = ?::uuid and status = 'REFUNDED'",
				orderId))
			.isOne();
	}

	@Test
	void refusesToCancelAnOrderTwice() {
		String sku = this.shop.newProduct(1250, 4);
		String orderId = this.shop.awaitFinal(this.shop.placeOrder("ada@example.com", sku, 3)).path("id").asString();
		this.shop.post("/api/orders/" + orderId + "/cancel", "");

		ShopClient.Answer again = this.shop.post("/api/orders/" + orderId + "/cancel", "");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/order-not-cancellable");
		assertStock(sku, 4, 0);
	}

	private void assertStock(String sku, int onHand, int reserved) {
		JsonNode stock = this.shop.get("/api/inventory/" + sku).json();
		assertThat(stock.path("onHand").asInt()).as("on hand").isEqualTo(onHand);
		assertThat(stock.path("reserved").asInt()).as("reserved").isEqualTo(reserved);
		assertThat(stock.path("available").asInt()).as("available").isEqualTo(onHand - reserved);
	}

}
