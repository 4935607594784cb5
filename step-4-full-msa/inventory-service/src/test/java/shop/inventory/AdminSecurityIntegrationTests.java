package shop.inventory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators count the stock with HTTP Basic; nobody else can, and the refusal is a
 * problem detail with a Basic challenge. Anyone reads the stock.
 */
class AdminSecurityIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private UserDetailsService administrator;

	@Test
	void refusesToCountTheStockWithoutCredentials() {
		String sku = newSku(3);

		HttpResponse<String> answer = putStock(sku, null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"shop\"");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("inventory-service");
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(3);
	}

	@Test
	void refusesAWrongPassword() {
		String sku = newSku(3);

		HttpResponse<String> answer = putStock(sku,
				"Basic " + Base64.getEncoder().encodeToString("admin:guess".getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(3);
	}

	@Test
	void setsTheUnitsOnHand() {
		String sku = newSku(3);

		HttpResponse<String> counted = putAsAdmin("/api/inventory/" + sku, "{\"onHand\": 12}");
		HttpResponse<String> negative = putAsAdmin("/api/inventory/" + sku, "{\"onHand\": -1}");

		assertThat(counted.statusCode()).isEqualTo(200);
		assertThat(json(counted).path("available").asInt()).isEqualTo(12);
		assertThat(negative.statusCode()).isEqualTo(400);
		assertThat(json(negative).path("errors").get(0).path("field").asString()).isEqualTo("onHand");
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(12);
	}

	@Test
	void checksThePasswordAsPlainTextAfterALogin() {
		HttpResponse<String> answer = putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 1}");

		assertThat(answer.statusCode()).isNotEqualTo(401);
		// a password upgraded to a hash after the login would cost every later admin
		// request a BCrypt check: tens of milliseconds of CPU
		assertThat(this.administrator.loadUserByUsername("admin").getPassword()).isEqualTo("{noop}admin");
	}

	private HttpResponse<String> putStock(String sku, String authorization) {
		HttpRequest.Builder request = request("/api/inventory/" + sku).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

}
