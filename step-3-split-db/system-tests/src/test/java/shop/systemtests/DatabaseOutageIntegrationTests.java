package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import workshop.contract.Problems;
import workshop.contract.Money;
import workshop.contract.Product;
import workshop.contract.Product.NewProduct;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;
import workshop.contract.Stock;

/**
 * {@code ./workshop kill postgres} under a running shop: every app that needs the
 * database answers a 503 problem within its pool's wait (3 s) instead of a 500 after 30
 * s, a write sent meanwhile changes nothing, and {@code ./workshop start postgres} brings
 * the same data back without restarting an app; the catalog's change stream resumes on
 * its own, so a price changed afterwards reaches the monolith's replica. Leaves the shop
 * as it found it.
 */
class DatabaseOutageIntegrationTests {

	private static final Duration RECOVERY_WITHIN = Duration.ofSeconds(30);

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	private final ShopClient catalogService = new ShopClient(this.running.url("catalog-service"));

	@Test
	void answersServiceUnavailableWhileThePostgresServerIsKilledThenServesTheSameDataOnceStarted() {
		Product product = this.shop.createProductWithStock("DBDOWN", 900, 5);

		ShopResponse stockWhileDown;
		ShopResponse stockWriteWhileDown;
		ShopResponse productWhileDown;
		String killed = this.running.workshop("kill", "postgres");
		try {
			stockWhileDown = this.shop.get("/api/inventory/" + product.sku());
			stockWriteWhileDown = this.shop.call("PUT", "/api/inventory/" + product.sku())
				.asAdmin()
				.json(Map.of("onHand", 9))
				.send();
			productWhileDown = this.catalogService.get("/api/products/" + product.id());
		}
		finally {
			this.running.workshop("start", "postgres");
		}
		await("the monolith to reach the database again").atMost(RECOVERY_WITHIN)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.shop.get("/api/inventory/" + product.sku()).status() == 200);

		assertThat(killed).startsWith("Killed postgres");
		Problems.assertProblem(stockWhileDown, 503, "service-unavailable");
		assertThat(stockWhileDown.header("X-Served-By")).contains("monolith");
		Problems.assertProblem(stockWriteWhileDown, 503, "service-unavailable");
		Problems.assertProblem(productWhileDown, 503, "service-unavailable");
		assertThat(this.shop.stock(product.sku())).isEqualTo(new Stock(product.sku(), 5, 0, 5));
		assertThat(this.catalogService.product(product.id())).isEqualTo(product);
		NewProduct dearer = new NewProduct(product.sku(), product.name(), product.description(), Money.usd(950), true);
		assertThat(this.shop.call("PUT", "/api/products/" + product.id()).asAdmin().json(dearer).send().status())
			.isEqualTo(200);
		await("the change stream to bring the new price to the replica").atMost(RECOVERY_WITHIN)
			.pollInterval(Duration.ofMillis(250))
			.until(() -> this.running.replicaPrice(product.sku()) == 950);
	}

}
