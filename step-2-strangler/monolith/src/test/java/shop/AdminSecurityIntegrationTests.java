package shop;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators change the stock with HTTP Basic; nobody else can, and the refusal is a
 * problem detail with a Basic challenge. (The catalog's administration moved to the
 * catalog service.)
 */
class AdminSecurityIntegrationTests extends ShopIntegrationTest {

	@Test
	void refusesStockChangesWithoutCredentials() {
		ShopClient.Answer answer = this.shop.send(this.shop.request("/api/inventory/MUG-CLASSIC")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}")));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"shop\"");
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(this.shop.get("/api/inventory/MUG-CLASSIC").json().path("onHand").asInt()).isPositive();
	}

	@Test
	void refusesAWrongPassword() {
		ShopClient.Answer stock = this.shop.send(this.shop.request("/api/inventory/MUG-CLASSIC")
			.header("Content-Type", "application/json")
			.header("Authorization", ShopClient.basic("admin", "guess"))
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}")));

		assertThat(stock.status()).isEqualTo(401);
		assertThat(this.shop.get("/api/inventory/MUG-CLASSIC").json().path("onHand").asInt()).isPositive();
	}

	@Test
	void setsTheUnitsOnHand() {
		String sku = this.shop.newProduct(500, 3);

		ShopClient.Answer counted = this.shop.putAsAdmin("/api/inventory/" + sku, "{\"onHand\": 12}");
		ShopClient.Answer negative = this.shop.putAsAdmin("/api/inventory/" + sku, "{\"onHand\": -1}");

		assertThat(counted.status()).isEqualTo(200);
		assertThat(counted.json().path("available").asInt()).isEqualTo(12);
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().path("errors").get(0).path("field").asString()).isEqualTo("onHand");
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(12);
	}

}
