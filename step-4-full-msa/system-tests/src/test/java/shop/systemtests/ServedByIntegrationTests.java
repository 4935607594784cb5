package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * Who answers behind the gateway, by the {@code X-Served-By} header: the catalog service
 * every product call, the inventory service the stock, the order service the orders, and
 * the gateway the storefront.
 */
class ServedByIntegrationTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void catalogServiceServesProductCalls() {
		ShopResponse list = this.shop.get("/api/products");
		assertThat(list.status()).as("the product list: %s", list).isEqualTo(200);
		String id = list.json().get(0).path("id").asString();
		ShopResponse one = this.shop.get("/api/products/" + id);
		assertThat(one.status()).as("one product: %s", one).isEqualTo(200);

		assertThat(list.header("X-Served-By")).contains("catalog-service");
		assertThat(one.header("X-Served-By")).contains("catalog-service");
	}

	@Test
	void eachServiceServesItsOwnPartOfTheApi() {
		Product product = this.shop.createProductWithStock("SERVED", 500, 10);

		ShopResponse placed = this.shop.call("POST", "/api/orders")
			.json(NewOrder.of(new NewLine(product.sku(), 1)))
			.send();
		assertThat(placed.status()).as("placing an order: %s", placed).isEqualTo(201);
		assertThat(placed.header("X-Served-By")).contains("order-service");
		assertThat(this.shop.get(placed.locationPath()).header("X-Served-By")).contains("order-service");
		assertThat(this.shop.get("/api/inventory/" + product.sku()).header("X-Served-By"))
			.contains("inventory-service");
	}

	@Test
	void gatewayServesTheStorefront() {
		ShopResponse page = this.shop.get("/");
		assertThat(page.status()).as("the storefront: %s", page).isEqualTo(200);
		assertThat(page.header("X-Served-By")).contains("gateway");
	}

}
