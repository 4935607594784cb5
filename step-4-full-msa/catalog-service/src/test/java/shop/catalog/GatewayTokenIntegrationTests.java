package shop.catalog;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog answers calls that carry the gateway's token only: a call straight to its
 * port, without a token or with one the gateway did not sign, is refused with a 401 and a
 * Bearer challenge, and writes nothing. Its network position earns it nothing.
 */
class GatewayTokenIntegrationTests extends CatalogServiceIntegrationTest {

	@Test
	void refusesAReadWithoutAToken() {
		HttpResponse<String> answer = send(requestWithoutToken("/api/products"));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"shop\"");
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(json(answer).path("detail").asString()).contains("through the gateway");
		assertThat(json(answer).path("instance").asString()).isEqualTo("/api/products");
	}

	@Test
	void refusesAnAdministratorsTokenThatTheGatewayDidNotSignAndWritesNothing() {
		int productsBefore = count("select count(*) from catalog.products");

		HttpResponse<String> answer = send(
				requestWithoutToken("/api/products").header("Authorization", GatewayTokens.signedWithAnotherKey())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString(ProductApiIntegrationTests.NEW_PRODUCT.formatted("TOWEL-FORGED", true))));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"shop\"");
		assertThat(count("select count(*) from catalog.products")).isEqualTo(productsBefore);
	}

}
