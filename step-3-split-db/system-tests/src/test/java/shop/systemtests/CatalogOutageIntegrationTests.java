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
 * The step-3 demo: {@code ./workshop kill catalog-service} crashes the catalog service.
 * Product calls get a 503 problem from the gateway at once, but orders still confirm at
 * the catalog's price: the monolith prices them from its replica and asks no one.
 * {@code ./workshop start catalog-service} brings the product calls back. It holds in
 * every phase; it runs after the last, when the replica follows the catalog's own
 * database. Leaves the shop as it found it: the service runs again when this ends.
 */
class CatalogOutageIntegrationTests {

	/**
	 * The gateway's circuit breaker, once open, stays open 10 s before it tries again.
	 */
	private static final Duration RECOVERY_WITHIN = Duration.ofSeconds(30);

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void confirmsOrdersFromTheReplicaWhileTheCatalogServiceIsKilledThenServesProductsAgainOnceStarted() {
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

		assertThat(killed).startsWith("Killed catalog-service (SIGKILL");
		assertThat(productsWhileDown.header("X-Served-By")).contains("gateway");
		Problems.assertProblem(productsWhileDown, 503, "service-unavailable");
		assertThat(orderWhileDown.status()).isEqualTo("CONFIRMED");
		assertThat(orderWhileDown.lines()).singleElement()
			.satisfies((line) -> assertThat(line.unitPrice()).isEqualTo(product.price()));
		assertThat(stockWhileDown).isEqualTo(new Stock(product.sku(), 4, 0, 4));
	}

	private static NewOrder order(Product product) {
		return NewOrder.of(new NewLine(product.sku(), 1));
	}

}
