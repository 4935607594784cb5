package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import workshop.contract.Money;
import workshop.contract.Product;
import workshop.contract.Product.NewProduct;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;
import workshop.contract.Skus;

/**
 * The monolith's product API, a facade over the catalog service, answers as the service
 * answers: asked directly, the two give the same status, content type and body, problems
 * included; only {@code X-Served-By} tells them apart. What the monolith writes, it
 * writes as the service's administrator, and the service has it.
 */
class ProductFacadeIntegrationTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient monolith = new ShopClient(this.running.url("monolith"));

	private final ShopClient catalogService = new ShopClient(this.running.url("catalog-service"));

	@Test
	void answersEveryReadAsTheServiceDoes() {
		String mug = this.catalogService.products().get(0).id();
		List<String> reads = List.of("/api/products", "/api/products/" + mug, "/api/products/" + UUID.randomUUID(),
				"/api/products?sku=MUG-CLASSIC&sku=NO-SUCH-SKU", "/api/products?sku=MUG-CLASSIC%26GRINDER-PRO");

		for (String read : reads) {
			ShopResponse facade = this.monolith.get(read);
			ShopResponse service = this.catalogService.get(read);

			assertThat(facade.header("X-Served-By")).as(read).contains("monolith");
			assertSameAnswer(read, facade, service);
		}
		assertThat(this.monolith.get("/api/products?sku=MUG-CLASSIC%26GRINDER-PRO").json())
			.as("one SKU that contains &, not two SKUs")
			.isEmpty();
	}

	@Test
	void relaysTheServicesRefusalsOfWritesByteForByte() {
		Product mug = this.catalogService.products().get(0);
		NewProduct taken = new NewProduct(mug.sku(), "Taken", null, Money.usd(900), true);
		NewProduct renamed = new NewProduct(mug.sku() + "-RENAMED", mug.name(), null, mug.price(), true);

		ShopResponse duplicate = write("POST", "/api/products", taken, this.monolith);

		assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
		assertSameAnswer("a taken SKU", duplicate, write("POST", "/api/products", taken, this.catalogService));
		assertSameAnswer("a SKU change", write("PUT", "/api/products/" + mug.id(), renamed, this.monolith),
				write("PUT", "/api/products/" + mug.id(), renamed, this.catalogService));
		String unknown = "/api/products/" + UUID.randomUUID();
		assertSameAnswer("an unknown product", write("PUT", unknown, renamed, this.monolith),
				write("PUT", unknown, renamed, this.catalogService));
	}

	@Test
	void writesAsTheServicesAdministrator() {
		NewProduct towel = new NewProduct(Skus.fresh("FACADE"), "Tea towel", null, Money.usd(900), null);

		ShopResponse created = write("POST", "/api/products", towel, this.monolith);

		assertThat(created.status()).as("%s", created).isEqualTo(201);
		Product product = created.as(Product.class);
		assertThat(created.locationPath()).isEqualTo("/api/products/" + product.id());
		assertThat(this.catalogService.product(product.id())).isEqualTo(product);
		assertThat(product.description()).isEmpty();
		assertThat(product.active()).isTrue();

		NewProduct dearer = new NewProduct(towel.sku(), "Tea towel", "Linen.", Money.usd(1100), true);
		ShopResponse updated = write("PUT", "/api/products/" + product.id(), dearer, this.monolith);

		assertThat(updated.status()).as("%s", updated).isEqualTo(200);
		assertThat(this.catalogService.product(product.id()).price()).isEqualTo(Money.usd(1100));
	}

	private static ShopResponse write(String method, String path, NewProduct product, ShopClient shop) {
		return shop.call(method, path).asAdmin().json(product).send();
	}

	private static void assertSameAnswer(String what, ShopResponse facade, ShopResponse service) {
		assertThat(facade.status()).as("status of %s", what).isEqualTo(service.status());
		assertThat(facade.contentType()).as("content type of %s", what).isEqualTo(service.contentType());
		assertThat(facade.body()).as("body of %s", what).isEqualTo(service.body());
	}

}
