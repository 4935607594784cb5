package shop;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product API, kept in the monolith as a facade over the catalog service while
 * clients move to the service, when the service fails: a problem it answers comes back
 * byte for byte, a read it cannot answer is a 503 after every attempt, a write is sent
 * once, as the catalog service's administrator, never again. Invalid input is refused
 * before the service is asked. That the facade answers as the real service does is tested
 * against it, in the system tests.
 */
class ProductFacadeIntegrationTests extends ShopIntegrationTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String MUG = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}}
			""";

	@Test
	void readsOneProductAsTheServiceSendsIt() {
		int before = catalogService.requests();

		ShopClient.Answer mug = this.shop.get(MUG);

		assertThat(mug.status()).isEqualTo(200);
		assertThat(mug.header("X-Served-By")).isEqualTo("monolith");
		assertThat(mug.json()).isEqualTo(json.readTree(onlyCallAfter(before).answer()));
		assertThat(mug.json().path("sku").asString()).isEqualTo("MUG-CLASSIC");
	}

	@Test
	void relaysTheServicesProblemByteForByte() {
		String problem = """
				{"type": "https://workshop.example/problems/duplicate-sku", "title": "Duplicate SKU", "status": 409,
				 "detail": "The SKU MUG-CLASSIC is taken.", "instance": "/api/products", "extra": [1, 2]}""";
		catalogService.answerNext(409, "application/problem+json", problem);

		ShopClient.Answer refused = this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted("MUG-CLASSIC"));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.header("X-Served-By")).isEqualTo("monolith");
		assertThat(refused.body()).isEqualTo(problem);
	}

	@Test
	void validatesAProductBeforeAskingTheService() {
		int before = catalogService.requests();

		ShopClient.Answer invalid = this.shop.postAsAdmin("/api/products", """
				{"sku": "lower case", "name": "", "price": {"amount": 0, "currency": "EUR"}}
				""");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/validation-failed");
		assertThat(invalid.json().findValuesAsString("field")).containsExactly("name", "price.amount", "price.currency",
				"sku");
		assertThat(catalogService.callsAfter(before)).isEmpty();
	}

	@Test
	void answers503AfterEveryAttemptToReadFailed() {
		catalogService.goDown();
		int before = catalogService.requests();

		ShopClient.Answer products = this.shop.get("/api/products");

		assertThat(products.status()).isEqualTo(503);
		assertThat(products.header("Content-Type")).startsWith("application/problem+json");
		assertThat(products.header("X-Served-By")).isEqualTo("monolith");
		assertThat(products.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/service-unavailable");
		assertThat(catalogService.callsAfter(before)).as("attempts").hasSize(3);
	}

	@Test
	void sendsAFailedWriteOnlyOnce() {
		String sku = "TOWEL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		catalogService.failNext(1);
		int before = catalogService.requests();

		ShopClient.Answer created = this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted(sku));

		assertThat(created.status()).isEqualTo(503);
		assertThat(created.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/service-unavailable");
		List<FakeCatalogService.Call> calls = catalogService.callsAfter(before);
		assertThat(calls).extracting(FakeCatalogService.Call::method).containsExactly("POST");
		assertThat(calls.get(0).authorization()).as("the catalog service's administrator, not the shop's")
			.isEqualTo(ShopClient.basic(FakeCatalogService.USERNAME, FakeCatalogService.PASSWORD));
	}

	@Test
	void sendsAWriteThatGotNoAnswerOnlyOnce() {
		catalogService.stall();
		int before = catalogService.requests();

		ShopClient.Answer updated = this.shop.putAsAdmin(MUG, """
				{"sku": "MUG-CLASSIC", "name": "Classic mug", "price": {"amount": 1300, "currency": "USD"}}
				""");

		assertThat(updated.status()).isEqualTo(503);
		assertThat(catalogService.callsAfter(before)).extracting(FakeCatalogService.Call::method)
			.containsExactly("PUT");
	}

	private static FakeCatalogService.Call onlyCallAfter(int before) {
		List<FakeCatalogService.Call> calls = catalogService.callsAfter(before);
		assertThat(calls).hasSize(1);
		return calls.get(0);
	}

}
