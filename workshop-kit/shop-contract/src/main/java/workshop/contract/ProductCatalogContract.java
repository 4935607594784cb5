package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import workshop.contract.Product.NewProduct;

/**
 * The public read side of the catalog: {@code GET /api/products} and {@code GET
 * /api/products/{id}}.
 */
public interface ProductCatalogContract extends ContractSection {

	@Test
	default void listsActiveProductsOnlyOrderedBySku() {
		Product first = shop().createProduct("LIST", 1000);
		Product second = shop().createProduct("LIST", 2000);
		Product inactive = shop()
			.createProduct(new NewProduct(Skus.fresh("LIST"), "Contract inactive", null, Money.usd(3000), false));

		List<Product> products = shop().products();

		assertThat(products).contains(first, second);
		assertThat(products).extracting(Product::sku).doesNotContain(inactive.sku());
		assertThat(products).allMatch(Product::active, "is active");
		assertThat(products).isSortedAccordingTo(Comparator.comparing(Product::sku));
	}

	@Test
	default void getsAnyProductByIdActiveOrNot() {
		NewProduct retired = new NewProduct(Skus.fresh("RETIRED"), "Retired mug", "No longer sold.", Money.usd(990),
				false);
		Product created = shop().createProduct(retired);

		ShopResponse response = shop().get("/api/products/" + created.id());

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(response.as(Product.class)).isEqualTo(
				new Product(created.id(), retired.sku(), "Retired mug", "No longer sold.", Money.usd(990), false));
	}

	@Test
	default void answersNotFoundForUnknownProductId() {
		assertProblem(shop().get("/api/products/" + UUID.randomUUID()), 404, "product-not-found");
	}

	@Test
	default void rejectsProductIdThatIsNotUuid() {
		assertProblem(shop().get("/api/products/not-a-uuid"), 400, "malformed-request");
	}

}
