package shop.catalog;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog API as the service answers it: the contract's product endpoints, named
 * {@code catalog-service}, plus the SKU query a client prices order lines with.
 */
class ProductApiIntegrationTests extends CatalogServiceIntegrationTest {

	static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}, "active": %s}""";

	@Test
	void listsActiveProductsBySkuAsTheCatalogService() {
		HttpResponse<String> answer = get("/api/products");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("catalog-service");
		List<String> skus = skusOf(json(answer));
		assertThat(skus).contains("MUG-CLASSIC").isSorted();
		assertThat(skus).hasSize(count("select count(*) from catalog.products where active"));
	}

	@Test
	void answersOnlyTheActiveProductsAmongTheSkusAsked() {
		postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-RETIRED", false));

		HttpResponse<String> answer = get("/api/products?sku=MUG-CLASSIC&sku=TOWEL-RETIRED&sku=NO-SUCH-SKU");

		assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode products = json(answer);
		assertThat(skusOf(products)).containsExactly("MUG-CLASSIC");
		assertThat(products.get(0).path("price").path("amount").asLong()).isEqualTo(1250);
		assertThat(products.get(0).path("price").path("currency").asString()).isEqualTo("USD");
	}

	@Test
	void createsAProductForAnAdministrator() {
		HttpResponse<String> created = postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-LINEN", true));

		assertThat(created.statusCode()).isEqualTo(201);
		String id = json(created).path("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/products/" + id);
		assertThat(json(get("/api/products/" + id)).path("sku").asString()).isEqualTo("TOWEL-LINEN");
	}

	@Test
	void refusesAdminWritesWithoutCredentialsAndWritesNothing() {
		int productsBefore = count("select count(*) from catalog.products");

		HttpResponse<String> answer = send(request("/api/products").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(NEW_PRODUCT.formatted("TOWEL-ANON", true))));

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"shop\"");
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("catalog-service");
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/unauthorized");
		assertThat(count("select count(*) from catalog.products")).isEqualTo(productsBefore);
	}

	@Test
	void refusesATakenSku() {
		HttpResponse<String> duplicate = postAsAdmin("/api/products", NEW_PRODUCT.formatted("MUG-CLASSIC", true));

		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(json(duplicate).path("type").asString())
			.isEqualTo("https://workshop.example/problems/duplicate-sku");
	}

	@Test
	void answersAnUnknownEndpointWithAProblem() {
		HttpResponse<String> answer = get("/api/orders");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(json(answer).path("type").asString()).isEqualTo("https://workshop.example/problems/not-found");
	}

	private static List<String> skusOf(JsonNode products) {
		List<String> skus = new ArrayList<>();
		products.forEach((product) -> skus.add(product.path("sku").asString()));
		return skus;
	}

}
