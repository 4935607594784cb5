package shop.systemtests;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import workshop.contract.Money;
import workshop.contract.Order.Line;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.Product.NewProduct;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monolith prices orders from its replica of the catalog: an admin's price change
 * through the gateway is charged from the first order placed after the change reached the
 * replica, and the orders before that are charged the old price, never a mix.
 */
class ReplicaPriceIntegrationTests {

	private final ShopClient shop = new ShopClient(RunningShop.get().gatewayUrl());

	@Test
	void chargesANewPriceOnceTheReplicaHasIt() {
		Product product = this.shop.createProductWithStock("REPRICED", 1000, 1000);
		NewProduct dearer = new NewProduct(product.sku(), product.name(), product.description(), Money.usd(1200), true);

		this.shop.call("PUT", "/api/products/" + product.id()).asAdmin().json(dearer).send();
		await("an order charged the new price").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> unitPrice(product).equals(Money.usd(1200)));
	}

	@Test
	void chargesEveryOrderEitherTheOldPriceOrTheNew() {
		Product product = this.shop.createProductWithStock("SWITCHED", 1000, 1000);
		NewProduct dearer = new NewProduct(product.sku(), product.name(), product.description(), Money.usd(1500), true);
		this.shop.call("PUT", "/api/products/" + product.id()).asAdmin().json(dearer).send();

		for (int i = 0; i < 20; i++) {
			assertThat(unitPrice(product)).isIn(Money.usd(1000), Money.usd(1500));
		}
	}

	private Money unitPrice(Product product) {
		String id = this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1)));
		Line line = this.shop.awaitFinalOrder(id).lines().get(0);
		return line.unitPrice();
	}

}
