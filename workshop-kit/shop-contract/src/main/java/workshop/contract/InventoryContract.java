package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;
import static workshop.contract.Problems.assertUnauthorized;
import static workshop.contract.Problems.fieldsOf;

import org.junit.jupiter.api.Test;

/**
 * Stock per SKU: {@code GET /api/inventory/{sku}} for anyone, {@code PUT} for the admin.
 */
public interface InventoryContract extends ContractSection {

	@Test
	default void setsUnitsOnHandAsAdmin() {
		Product product = shop().createProduct("STOCK", 500);

		ShopResponse response = shop().call("PUT", "/api/inventory/" + product.sku())
			.asAdmin()
			.body("application/json", "{\"onHand\": 7}")
			.send();

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		assertThat(response.as(Stock.class)).isEqualTo(new Stock(product.sku(), 7, 0, 7));
		assertThat(shop().stock(product.sku())).isEqualTo(new Stock(product.sku(), 7, 0, 7));
	}

	@Test
	default void setsUnitsOnHandDownToZero() {
		Product product = shop().createProductWithStock("EMPTY", 500, 3);

		assertThat(shop().setStock(product.sku(), 0)).isEqualTo(new Stock(product.sku(), 0, 0, 0));
		assertThat(shop().stock(product.sku())).isEqualTo(new Stock(product.sku(), 0, 0, 0));
	}

	@Test
	default void answersNotFoundForUnknownSku() {
		assertProblem(shop().get("/api/inventory/" + Skus.fresh("NOSUCH")), 404, "stock-not-found");
	}

	@Test
	default void rejectsUnitsOnHandOutsideTheirRange() {
		Product product = shop().createProductWithStock("RANGE", 500, 4);
		String path = "/api/inventory/" + product.sku();

		for (String onHand : new String[] { "-1", "1000001" }) {
			ShopResponse response = shop().call("PUT", path)
				.asAdmin()
				.body("application/json", "{\"onHand\": " + onHand + "}")
				.send();
			assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactly("onHand");
		}
		ShopResponse missing = shop().call("PUT", path).asAdmin().body("application/json", "{}").send();
		assertThat(fieldsOf(assertProblem(missing, 400, "validation-failed"))).containsExactly("onHand");
		assertThat(shop().stock(product.sku())).isEqualTo(new Stock(product.sku(), 4, 0, 4));
	}

	@Test
	default void asksForCredentialsBeforeSettingStock() {
		Product product = shop().createProductWithStock("GUARDED", 500, 2);
		String path = "/api/inventory/" + product.sku();

		assertUnauthorized(shop().call("PUT", path).body("application/json", "{\"onHand\": 99}").send());
		assertUnauthorized(shop().call("PUT", path)
			.credentials("admin", "wrong-password")
			.body("application/json", "{\"onHand\": 99}")
			.send());
		assertThat(shop().stock(product.sku())).isEqualTo(new Stock(product.sku(), 2, 0, 2));
	}

}
