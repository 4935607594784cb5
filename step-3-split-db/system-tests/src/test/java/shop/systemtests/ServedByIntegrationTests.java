package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * Who answers behind the gateway, by the {@code X-Served-By} header: product calls follow
 * the cutover weight; orders and stock stay with the monolith at every weight.
 */
class ServedByIntegrationTests {

	private static final int CLIENTS = 20;

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void monolithServesProductCallsAtWeightZero() {
		this.running.cutover().weight(0);

		assertThat(servedByOfProductCalls()).containsOnly("monolith");
	}

	@Test
	void catalogServiceServesProductCallsAtWeightHundred() {
		this.running.cutover().weight(100);

		assertThat(servedByOfProductCalls()).containsOnly("catalog-service");
	}

	@Test
	void monolithServesOrdersAndStockAtEveryWeight() {
		this.running.cutover().weight(100);
		Product product = this.shop.createProductWithStock("SERVED", 500, 10);

		for (int weight : new int[] { 0, 50, 100 }) {
			this.running.cutover().weight(weight);

			ShopResponse placed = this.shop.call("POST", "/api/orders")
				.json(NewOrder.of(new NewLine(product.sku(), 1)))
				.send();
			assertThat(placed.status()).as("placing an order at weight %d: %s", weight, placed).isEqualTo(201);
			assertThat(placed.header("X-Served-By")).as("order placed at weight %d", weight).contains("monolith");
			assertThat(this.shop.get(placed.locationPath()).header("X-Served-By")).as("order read at weight %d", weight)
				.contains("monolith");
			assertThat(this.shop.get("/api/inventory/" + product.sku()).header("X-Served-By"))
				.as("stock read at weight %d", weight)
				.contains("monolith");
		}
	}

	/**
	 * Reads the product list and one product, as several clients.
	 * @return who served each read
	 */
	private List<String> servedByOfProductCalls() {
		List<String> servedBy = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			String client = "served-by-" + i;
			ShopResponse list = this.shop.call("GET", "/api/products").header("X-Client-Id", client).send();
			assertThat(list.status()).as("the product list: %s", list).isEqualTo(200);
			String id = list.json().get(0).path("id").asString();
			ShopResponse one = this.shop.call("GET", "/api/products/" + id).header("X-Client-Id", client).send();
			assertThat(one.status()).as("one product: %s", one).isEqualTo(200);
			servedBy.add(list.header("X-Served-By").orElse("(none)"));
			servedBy.add(one.header("X-Served-By").orElse("(none)"));
		}
		return servedBy;
	}

}
