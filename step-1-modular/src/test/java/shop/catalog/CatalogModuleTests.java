package shop.catalog;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import shop.catalog.internal.ProductDetails;
import shop.catalog.internal.ProductService;
import shop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog module on its own: it announces new products instead of writing the
 * inventory's table, and prices order lines through its API.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "workshop.infra.database=modules",
		"spring.modulith.events.republish-outstanding-events-on-restart=false" })
class CatalogModuleTests {

	@Autowired
	ProductService products;

	@Autowired
	Catalog catalog;

	@Test
	void announcesANewProduct(Scenario scenario) {
		String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		scenario.stimulate(() -> this.products.create(new ProductDetails(sku, "Tea towel", null, Money.usd(900), true)))
			.andWaitForEventOfType(ProductAdded.class)
			.matchingMappedValue(ProductAdded::sku, sku)
			.toArriveAndVerify((added, product) -> assertThat(product.getSku()).isEqualTo(sku));
	}

	@Test
	void pricesOnlyActiveProducts() {
		String retired = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.products.create(new ProductDetails(retired, "Retired mug", null, Money.usd(700), false));

		List<OrderableProduct> found = this.catalog.findOrderable(List.of("MUG-CLASSIC", retired, "NO-SUCH-SKU"));

		assertThat(found).containsExactly(new OrderableProduct("MUG-CLASSIC", Money.usd(1250)));
	}

}
