package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;
import static workshop.contract.Problems.assertUnauthorized;
import static workshop.contract.Problems.fieldsOf;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import workshop.contract.Product.NewProduct;

/**
 * The admin side of the catalog: {@code POST /api/products} and {@code PUT
 * /api/products/{id}}, behind HTTP Basic authentication.
 */
public interface ProductAdministrationContract extends ContractSection {

	@Test
	default void createsProductWithDefaultsLocationAndNoStock() {
		String sku = Skus.fresh("NEW");
		String body = """
				{"sku": "%s", "name": "Travel mug", "price": {"amount": 1890, "currency": "USD"}}
				""".formatted(sku);

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().body("application/json", body).send();

		assertThat(response.status()).as("%s", response).isEqualTo(201);
		Product created = response.as(Product.class);
		assertThat(UUID.fromString(created.id())).isNotNull();
		assertThat(response.locationPath()).isEqualTo("/api/products/" + created.id());
		assertThat(created).isEqualTo(new Product(created.id(), sku, "Travel mug", "", Money.usd(1890), true));
		assertThat(shop().product(created.id())).isEqualTo(created);
		assertThat(shop().stock(sku)).isEqualTo(new Stock(sku, 0, 0, 0));
	}

	@Test
	default void updatesNamePriceDescriptionAndActiveFlag() {
		Product product = shop().createProduct("UPDATE", 1500);
		NewProduct update = new NewProduct(product.sku(), "Renamed mug", "Now in blue.", Money.usd(1750), false);

		ShopResponse response = shop().call("PUT", "/api/products/" + product.id()).asAdmin().json(update).send();

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		Product updated = new Product(product.id(), product.sku(), "Renamed mug", "Now in blue.", Money.usd(1750),
				false);
		assertThat(response.as(Product.class)).isEqualTo(updated);
		assertThat(shop().product(product.id())).isEqualTo(updated);
		assertThat(shop().products()).extracting(Product::sku).doesNotContain(product.sku());
	}

	@Test
	default void rejectsNewProductWithTakenSku() {
		Product original = shop().createProduct("DUPLICATE", 1200);
		NewProduct twin = original.withoutId().withName("Impostor");

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().json(twin).send();

		assertProblem(response, 409, "duplicate-sku");
		assertThat(shop().product(original.id())).isEqualTo(original);
		assertThat(shop().products()).filteredOn(Product::sku, original.sku()).containsExactly(original);
	}

	@Test
	default void rejectsChangeOfSku() {
		Product product = shop().createProduct("KEEPSKU", 1200);
		NewProduct renamed = product.withoutId().withSku(Skus.fresh("OTHER"));

		ShopResponse response = shop().call("PUT", "/api/products/" + product.id()).asAdmin().json(renamed).send();

		assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactly("sku");
		assertThat(shop().product(product.id())).isEqualTo(product);
		assertThat(shop().products()).extracting(Product::sku).doesNotContain(renamed.sku());
	}

	@Test
	default void answersNotFoundWhenUpdatingUnknownProduct() {
		NewProduct product = new NewProduct(Skus.fresh("GHOST"), "Ghost", null, Money.usd(100), true);

		ShopResponse response = shop().call("PUT", "/api/products/" + UUID.randomUUID()).asAdmin().json(product).send();

		assertProblem(response, 404, "product-not-found");
		assertThat(shop().products()).extracting(Product::sku).doesNotContain(product.sku());
	}

	@Test
	default void rejectsEveryInvalidFieldOfProductNamingEach() {
		List<Product> before = shop().products();
		String body = """
				{"sku": "lower case", "name": "", "price": {"amount": 0, "currency": "EUR"}}
				""";

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().body("application/json", body).send();

		assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactlyInAnyOrder("sku", "name",
				"price.amount", "price.currency");
		assertThat(shop().products()).isEqualTo(before);
	}

	@Test
	default void rejectsProductFieldsBeyondTheirLimits() {
		List<Product> before = shop().products();
		NewProduct tooMuch = new NewProduct("A".repeat(41), "n".repeat(101), "d".repeat(1001), Money.usd(100_000_001),
				true);

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().json(tooMuch).send();

		assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactlyInAnyOrder("sku", "name",
				"description", "price.amount");
		assertThat(shop().products()).isEqualTo(before);
	}

	@Test
	default void rejectsProductWithoutPriceOrName() {
		List<Product> before = shop().products();
		String body = """
				{"sku": "%s"}
				""".formatted(Skus.fresh("BARE"));

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().body("application/json", body).send();

		assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactlyInAnyOrder("name",
				"price");
		assertThat(shop().products()).isEqualTo(before);
	}

	@Test
	default void rejectsProductWithWrongJsonTypes() {
		List<Product> before = shop().products();
		String body = """
				{"sku": "%s", "name": "Mug", "price": {"amount": "cheap", "currency": "USD"}}
				""".formatted(Skus.fresh("TYPES"));

		ShopResponse response = shop().call("POST", "/api/products").asAdmin().body("application/json", body).send();

		assertProblem(response, 400, "malformed-request");
		assertThat(shop().products()).isEqualTo(before);
	}

	@Test
	default void asksForCredentialsWhenAdminCallHasNone() {
		NewProduct product = new NewProduct(Skus.fresh("ANON"), "Anonymous", null, Money.usd(100), true);

		ShopResponse response = shop().call("POST", "/api/products").json(product).send();

		assertUnauthorized(response);
		assertThat(shop().products()).extracting(Product::sku).doesNotContain(product.sku());
	}

	@Test
	default void asksForCredentialsWhenAdminCallHasWrongOnes() {
		Product product = shop().createProduct("WRONGPASS", 1200);
		NewProduct update = product.withoutId().withPrice(Money.usd(1));

		ShopResponse response = shop().call("PUT", "/api/products/" + product.id())
			.credentials("admin", "not-the-password-" + UUID.randomUUID())
			.json(update)
			.send();

		assertUnauthorized(response);
		assertThat(shop().product(product.id())).isEqualTo(product);
	}

}
