package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import workshop.contract.Order;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Problems;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;
import workshop.contract.Stock;

/**
 * The step-2 demo: with every client on the catalog service (weight 100),
 * {@code ./workshop kill catalog-service} crashes it. Product calls get a 503 problem
 * from the gateway at once, orders are rejected {@code CATALOG_UNAVAILABLE} by the
 * monolith, nothing is reserved; {@code ./workshop start catalog-service} brings it back
 * and the shop recovers. Leaves the shop as it found it: the service runs again when this
 * ends.
 */
class CatalogOutageIntegrationTests {

	/**
	 * The gateway's circuit breaker, once open, stays open 10 s before it tries again.
	 */
	private static final Duration RECOVERY_WITHIN = Duration.ofSeconds(30);

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void answersProblemsAndRejectsOrdersWhileTheCatalogServiceIsKilledThenServesAgainOnceStarted() {
		this.running.cutover().weight(100);
		Product product = this.shop.createProductWithStock("OUTAGE", 700, 5);

		ShopResponse productsWhileDown;
		Order orderWhileDown;
		Stock stockWhileDown;
		String killed = this.running.workshop("kill", "catalog-service");
		try {
			productsWhileDown = this.shop.get("/api/products");
			orderWhileDown = this.shop.awaitFinalOrder(this.shop.placeOrder(order(product)));
			stockWhileDown = this.shop.stock(product.sku());
		}
		finally {
			this.running.workshop("start", "catalog-service");
		}
		await("product reads through the gateway to recover").atMost(RECOVERY_WITHIN)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.shop.get("/api/products/" + product.id()).status() == 200);
		Order orderAfterwards = this.shop.awaitFinalOrder(this.shop.placeOrder(order(product)));

		assertThat(killed).startsWith("Killed catalog-service (SIGKILL");
		assertThat(orderWhileDown.status()).isEqualTo("REJECTED");
		assertThat(orderWhileDown.reason()).isEqualTo("CATALOG_UNAVAILABLE");
		assertThat(stockWhileDown).isEqualTo(new Stock(product.sku(), 5, 0, 5));
		assertThat(orderAfterwards.status()).isEqualTo("CONFIRMED");
		assertThat(this.shop.stock(product.sku())).isEqualTo(new Stock(product.sku(), 4, 0, 4));
		assertThat(productsWhileDown.header("X-Served-By")).contains("gateway");
		Problems.assertProblem(productsWhileDown, 503, "service-unavailable");
	}

	private static NewOrder order(Product product) {
		return NewOrder.of(new NewLine(product.sku(), 1));
	}

}
