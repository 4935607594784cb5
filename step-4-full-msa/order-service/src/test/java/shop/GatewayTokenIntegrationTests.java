package shop;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service answers calls that carry the gateway's token only: an order placed
 * straight on its port without one is refused with a 401 and a Bearer challenge, and no
 * order is made. A caller who did not log in has a token too, the anonymous one, and
 * orders with it as before.
 */
class GatewayTokenIntegrationTests extends ShopIntegrationTest {

	@Test
	void refusesAnOrderWithoutATokenAndPlacesNothing() {
		String sku = newProduct(1_000);
		int ordersBefore = count("select count(*) from orders.orders");

		ShopClient.Answer answer = this.shop.send(this.shop.requestWithoutToken("/api/orders")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(ShopClient.orderBody("ada@example.com", sku, 1))));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"shop\"");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(answer.json().path("instance").asString()).isEqualTo("/api/orders");
		assertThat(count("select count(*) from orders.orders")).isEqualTo(ordersBefore);
	}

	@Test
	void placesAnOrderWithTheAnonymousToken() {
		String sku = newProduct(1_000);

		assertThat(this.shop.placeOrder("ada@example.com", sku, 1).status()).isEqualTo(201);
	}

}
