package shop;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the catalog service cannot answer, the monolith says so: an order is kept and
 * rejected with the reason {@code CATALOG_UNAVAILABLE}, nothing is reserved, and a stock
 * read that needs the catalog answers 503. Never an opaque 500, never a hang.
 */
class CatalogUnavailableIntegrationTests extends ShopIntegrationTest {

	@Test
	void rejectsAnOrderWithCatalogUnavailableAndReservesNothing() {
		int reservedBefore = this.shop.get("/api/inventory/MUG-CLASSIC").json().path("reserved").asInt();
		int requestsBefore = catalogService.requests();
		catalogService.goDown();

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", "MUG-CLASSIC", 2);

		assertThat(placed.status()).isEqualTo(201);
		assertThat(catalogService.requests() - requestsBefore).as("attempts").isEqualTo(3);
		JsonNode order = this.shop.get(placed.header("Location")).json();
		assertThat(order.path("status").asString()).isEqualTo("REJECTED");
		assertThat(order.path("reason").asString()).isEqualTo("CATALOG_UNAVAILABLE");
		assertThat(order.path("lines").get(0).path("sku").asString()).isEqualTo("MUG-CLASSIC");
		assertThat(order.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
		assertThat(order.path("lines").get(0).path("unitPrice").isNull()).isTrue();
		assertThat(order.path("total").path("amount").asLong()).isZero();
		assertThat(this.shop.get("/api/inventory/MUG-CLASSIC").json().path("reserved").asInt())
			.isEqualTo(reservedBefore);
		assertThat(count("select count(*) from inventory.reservations where order_id = ?::uuid",
				order.path("id").asString()))
			.isZero();
	}

	@Test
	void placesOrdersAgainOnceTheCatalogIsBack() {
		catalogService.failNext(2);

		ShopClient.Answer placed = this.shop.placeOrder("ada@example.com", "MUG-CLASSIC", 1);

		JsonNode order = this.shop.awaitFinal(placed);
		assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.path("lines").get(0).path("unitPrice").path("amount").asLong()).isEqualTo(1250);
	}

	@Test
	void answersAStockReadThatNeedsTheCatalogWith503() {
		catalogService.goDown();

		ShopClient.Answer answer = this.shop.get("/api/inventory/NEW-PRODUCT-UNKNOWN-HERE");

		assertThat(answer.status()).isEqualTo(503);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/service-unavailable");
		assertThat(this.shop.get("/api/inventory/MUG-CLASSIC").status()).as("known stock needs no catalog")
			.isEqualTo(200);
	}

}
