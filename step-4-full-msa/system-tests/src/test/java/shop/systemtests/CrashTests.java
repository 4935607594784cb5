package shop.systemtests;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import workshop.contract.Product;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 in the middle of a burst of orders, of each service in turn and of the broker,
 * then a restart with the attendee's commands ({@code ./workshop kill}, {@code start}).
 * Whatever was in flight, every order reaches a final status, the stock is the initial
 * stock minus the confirmed units, and no order is paid twice: the outbox keeps what a
 * service did not send, Kafka keeps what a service did not read, and the
 * processed-message logs keep a redelivered message from acting twice.
 */
@Order(90)
class CrashTests {

	private static final int INITIAL_STOCK = 1000;

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@ParameterizedTest(name = "kill -9 {0} during a burst of orders")
	@ValueSource(strings = { "inventory-service", "payment-service", "order-service", "kafka" })
	void everyOrderEndsFinalAndBalancedAfterAKill(String victim) {
		Product product = this.shop.createProductWithStock("CRASH", 700, INITIAL_STOCK);
		List<String> orders;
		try (OrderBurst burst = OrderBurst.start(this.shop, product.sku(), 24, Duration.ofMillis(50))) {
			await("the first orders").atMost(Duration.ofSeconds(30)).until(() -> burst.placedSoFar() >= 6);
			this.running.workshop("kill", victim);
			this.running.workshop("start", victim);
			orders = burst.finish();
		}
		assertThat(orders).hasSize(24).doesNotHaveDuplicates();
		new ShopLedger(this.running, this.shop).assertBalanced(product.sku(), INITIAL_STOCK, orders);
	}

}
