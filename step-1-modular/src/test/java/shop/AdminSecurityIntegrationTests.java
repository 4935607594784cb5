package shop;

import java.net.http.HttpRequest;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators change the catalog and the stock with HTTP Basic; nobody else can, and
 * the refusal is a problem detail with a Basic challenge.
 */
class AdminSecurityIntegrationTests extends ShopIntegrationTest {

	private static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}}
			""";

	@Autowired
	private UserDetailsService administrator;

	@Test
	void refusesAdminWritesWithoutCredentials() {
		int productsBefore = count("select count(*) from catalog.products");

		ShopClient.Answer answer = this.shop.post("/api/products", NEW_PRODUCT.formatted("TOWEL-ANON"));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Basic realm=\"shop\"");
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
		assertThat(answer.json().path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(count("select count(*) from catalog.products")).isEqualTo(productsBefore);
	}

	@Test
	void refusesAWrongPassword() {
		ShopClient.Answer answer = this.shop.post("/api/products", NEW_PRODUCT.formatted("TOWEL-WRONG"),
				Map.of("Authorization", ShopClient.basic("admin", "guess")));
		ShopClient.Answer stock = this.shop.send(this.shop.request("/api/inventory/MUG-CLASSIC")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}")));

		assertThat(answer.status()).isEqualTo(401);
		assertThat(stock.status()).isEqualTo(401);
		assertThat(count("select count(*) from catalog.products where sku = 'TOWEL-WRONG'")).isZero();
	}

	@Test
	void createsAProductWithAnEmptyStock() {
		ShopClient.Answer created = this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-LINEN"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo("/api/products/" + created.json().path("id").asString());
		assertThat(created.json().path("active").asBoolean()).isTrue();
		assertThat(created.json().path("description").asString()).isEmpty();
		assertThat(this.shop.get("/api/inventory/TOWEL-LINEN").json().path("onHand").asInt()).isZero();
	}

	@Test
	void refusesATakenSku() {
		ShopClient.Answer duplicate = this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted("MUG-CLASSIC"));

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/duplicate-sku");
	}

	@Test
	void refusesToChangeASku() {
		ShopClient.Answer changed = this.shop.putAsAdmin("/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01",
				NEW_PRODUCT.formatted("MUG-RENAMED"));

		assertThat(changed.status()).isEqualTo(400);
		assertThat(changed.json().path("errors").get(0).path("field").asString()).isEqualTo("sku");
		assertThat(this.shop.get("/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01").json().path("sku").asString())
			.isEqualTo("MUG-CLASSIC");
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

	@Test
	void checksThePasswordAsPlainTextAfterALogin() {
		ShopClient.Answer answer = this.shop.putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 1}");

		assertThat(answer.status()).isNotEqualTo(401);
		// a password upgraded to a hash after the login would cost every later admin
		// request a BCrypt check: tens of milliseconds of CPU
		assertThat(this.administrator.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}admin");
	}

}
