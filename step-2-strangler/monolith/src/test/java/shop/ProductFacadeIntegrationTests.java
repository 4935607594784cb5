package shop;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product API, kept in the monolith as a facade over the catalog service while
 * clients move to the service: every call is passed on, and the service's answer, success
 * or problem, comes back so that a client cannot tell the difference but by
 * {@code X-Served-By}. Admin writes need the shop's administrator here first, and go on
 * with the catalog service's administrator; a write is sent once, never again; a service
 * that cannot answer is a 503.
 */
class ProductFacadeIntegrationTests extends ShopIntegrationTest {

	private static final Log log = LogFactory.getLog(ProductFacadeIntegrationTests.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String MUG = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}}
			""";

	@Test
	void listsTheActiveProductsAsTheServiceListsThem() {
		String retired = this.shop.newProduct(700, 0);
		this.shop.putAsAdmin("/api/products/" + catalogService.idOf(retired), """
				{"sku": "%s", "name": "Retired", "price": {"amount": 700, "currency": "USD"}, "active": false}
				""".formatted(retired));
		int before = catalogService.requests();

		ShopClient.Answer products = this.shop.get("/api/products");

		assertThat(products.status()).isEqualTo(200);
		assertThat(products.header("X-Served-By")).isEqualTo("monolith");
		assertThat(products.header("Content-Type")).startsWith("application/json");
		FakeCatalogService.Call call = onlyCallAfter(before);
		assertThat(call.path()).isEqualTo("/api/products");
		assertThat(call.query()).isNull();
		assertThat(products.json()).isEqualTo(json.readTree(call.answer()));
		assertThat(products.json().findValuesAsString("sku")).contains("MUG-CLASSIC")
			.doesNotContain(retired)
			.isSorted();
	}

	@Test
	void passesTheSkuQueryOnEncoded() {
		int before = catalogService.requests();

		ShopClient.Answer some = this.shop.get("/api/products?sku=MUG-CLASSIC&sku=NO-SUCH-SKU");
		ShopClient.Answer joined = this.shop.get("/api/products?sku=MUG-CLASSIC%26GRINDER-PRO");

		assertThat(some.json().findValuesAsString("sku")).containsExactly("MUG-CLASSIC");
		assertThat(joined.json()).as("one SKU that contains &, not two SKUs").isEmpty();
		assertThat(catalogService.callsAfter(before)).extracting(FakeCatalogService.Call::query)
			.containsExactly("sku=MUG-CLASSIC&sku=NO-SUCH-SKU", "sku=MUG-CLASSIC%26GRINDER-PRO");
	}

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
	void createsAProductAsTheCatalogServicesAdministrator() {
		String sku = "TOWEL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		int before = catalogService.requests();

		ShopClient.Answer created = this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted(sku));

		assertThat(created.status()).isEqualTo(201);
		FakeCatalogService.Call call = onlyCallAfter(before);
		assertThat(call.method()).isEqualTo("POST");
		assertThat(call.authorization())
			.isEqualTo(ShopClient.basic(FakeCatalogService.USERNAME, FakeCatalogService.PASSWORD));
		assertThat(created.header("Location")).isEqualTo(call.headers().get("Location"));
		assertThat(created.json()).isEqualTo(json.readTree(call.answer()));
		assertThat(created.json().path("description").asString()).isEmpty();
		assertThat(this.shop.get("/api/products/" + catalogService.idOf(sku)).json()).isEqualTo(created.json());
	}

	@Test
	void updatesAProductAsTheCatalogServicesAdministrator() {
		int before = catalogService.requests();

		ShopClient.Answer updated = this.shop.putAsAdmin(MUG, """
				{"sku": "MUG-CLASSIC", "name": "Classic mug", "description": "Now in blue.",
				 "price": {"amount": 1350, "currency": "USD"}}
				""");

		assertThat(updated.status()).isEqualTo(200);
		FakeCatalogService.Call call = onlyCallAfter(before);
		assertThat(call.method()).isEqualTo("PUT");
		assertThat(call.authorization())
			.isEqualTo(ShopClient.basic(FakeCatalogService.USERNAME, FakeCatalogService.PASSWORD));
		assertThat(updated.json()).isEqualTo(json.readTree(call.answer()));
		assertThat(this.shop.get(MUG).json().path("price").path("amount").asLong()).isEqualTo(1350);
	}

	@Test
	void relaysTheServicesProblemsByteForByte() {
		String unknown = "/api/products/" + UUID.randomUUID();
		int before = catalogService.requests();
		List<ShopClient.Answer> answers = List.of(this.shop.get(unknown),
				this.shop.putAsAdmin(unknown, NEW_PRODUCT.formatted("GHOST")),
				this.shop.postAsAdmin("/api/products", NEW_PRODUCT.formatted("MUG-CLASSIC")),
				this.shop.putAsAdmin(MUG, NEW_PRODUCT.formatted("MUG-RENAMED")));
		List<FakeCatalogService.Call> calls = catalogService.callsAfter(before);

		assertThat(answers).extracting(ShopClient.Answer::status).containsExactly(404, 404, 409, 400);
		for (int i = 0; i < answers.size(); i++) {
			ShopClient.Answer answer = answers.get(i);
			assertThat(answer.status()).isEqualTo(calls.get(i).status());
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
			assertThat(answer.body()).isEqualTo(calls.get(i).answer());
		}
		assertThat(answers.get(2).json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/duplicate-sku");
		assertThat(answers.get(3).json().path("errors").get(0).path("field").asString()).isEqualTo("sku");
		assertThat(this.shop.get(MUG).json().path("sku").asString()).isEqualTo("MUG-CLASSIC");
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

		long start = System.nanoTime();
		ShopClient.Answer products = this.shop.get("/api/products");
		log.info("A read of a catalog service that answers 503 got its 503 after " + since(start));

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
		assertThat(catalogService.callsAfter(before)).extracting(FakeCatalogService.Call::method)
			.containsExactly("POST");
		assertThat(this.shop.get("/api/products").json().findValuesAsString("sku")).doesNotContain(sku);
	}

	@Test
	void sendsAWriteThatGotNoAnswerOnlyOnce() {
		catalogService.stall();
		int before = catalogService.requests();

		long start = System.nanoTime();
		ShopClient.Answer updated = this.shop.putAsAdmin(MUG, """
				{"sku": "MUG-CLASSIC", "name": "Classic mug", "price": {"amount": 1300, "currency": "USD"}}
				""");
		log.info("A write to a catalog service that does not answer got its 503 after " + since(start));

		assertThat(updated.status()).isEqualTo(503);
		assertThat(catalogService.callsAfter(before)).extracting(FakeCatalogService.Call::method)
			.containsExactly("PUT");
	}

	/** How long since a {@link System#nanoTime()}: logged, never asserted. */
	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

	private static FakeCatalogService.Call onlyCallAfter(int before) {
		List<FakeCatalogService.Call> calls = catalogService.callsAfter(before);
		assertThat(calls).hasSize(1);
		return calls.get(0);
	}

}
