package shop;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators count the stock with HTTP Basic; nobody else can, and the refusal is a
 * problem detail with a Basic challenge. Products are the catalog service's to change.
 */
class AdminSecurityIntegrationTests extends ShopIntegrationTest {

	@Autowired
	private UserDetailsService administrator;

	@Test
	void refusesAdminWritesWithoutCredentials() {
		String sku = this.shop.newProduct(500, 3);

		ShopClient.Answer answer = putStock(sku, null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"shop\"");
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(3);
	}

	@Test
	void refusesAWrongPassword() {
		String sku = this.shop.newProduct(500, 3);

		ShopClient.Answer answer = putStock(sku, ShopClient.basic("admin", "guess"));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(3);
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

	private ShopClient.Answer putStock(String sku, String authorization) {
		HttpRequest.Builder request = this.shop.request("/api/inventory/" + sku)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.shop.send(request);
	}

	@Test
	void checksThePasswordAsPlainTextAfterALogin() {
		ShopClient.Answer answer = this.shop.putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 1}");

		assertThat(answer.status()).isNotEqualTo(401);
		// a password upgraded to a hash after the login would cost every later admin
		// request a BCrypt check: tens of milliseconds of CPU
		assertThat(this.administrator.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}admin");
	}

}
