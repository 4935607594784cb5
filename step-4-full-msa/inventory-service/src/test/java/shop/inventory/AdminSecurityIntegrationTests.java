package shop.inventory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators count the stock, with the gateway's token for their login: the scope
 * {@code admin}. A caller who did not log in is refused as the contract says, with a
 * Basic challenge to answer at the gateway. A call that did not come through the gateway
 * is refused whatever it asks, with a Bearer challenge. Refusals are problem details and
 * change nothing.
 */
class AdminSecurityIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void refusesToCountTheStockWithoutTheAdminScope() {
		String sku = newSku(3);

		HttpResponse<String> answer = putStock(sku, GatewayTokens.anonymous());

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"shop\"");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("inventory-service");
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
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

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "no token", "another key", "another audience", "expired", "a password" })
	void refusesACallThatDidNotComeThroughTheGateway(String what) {
		String sku = newSku(3);
		String authorization = switch (what) {
			case "no token" -> null;
			case "another key" -> GatewayTokens.signedWithAnotherKey();
			case "another audience" -> GatewayTokens.forAnotherAudience();
			case "expired" -> GatewayTokens.expired();
			default -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
		};

		HttpResponse<String> answer = putStock(sku, authorization);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"shop\"");
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(json(answer).path("detail").asString()).contains("through the gateway");
		assertThat(json(answer).path("instance").asString()).isEqualTo("/api/inventory/" + sku);
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(3);
	}

	@Test
	void refusesAReadWithoutAToken() {
		String sku = newSku(3);

		HttpResponse<String> answer = send(requestWithoutToken("/api/inventory/" + sku));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"shop\"");
	}

	private HttpResponse<String> putStock(String sku, String authorization) {
		HttpRequest.Builder request = requestWithoutToken("/api/inventory/" + sku)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 0}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

}
