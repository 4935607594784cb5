package shop.systemtests;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import workshop.contract.Order;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Races that cross processes: buyers at once through the gateway, the order service
 * sending each order's reservation to the inventory service over Kafka.
 */
class RaceTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void twentyBuyersForTheLastFiveUnitsConfirmExactlyFive() {
		Product product = this.shop.createProductWithStock("RACE", 900, 5);
		CyclicBarrier start = new CyclicBarrier(20);
		List<CompletableFuture<String>> buyers = IntStream.range(0, 20)
			.mapToObj((buyer) -> CompletableFuture.supplyAsync(() -> {
				await(start);
				return this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1)));
			}))
			.toList();
		List<Order> orders = buyers.stream().map(CompletableFuture::join).map(this.shop::awaitFinalOrder).toList();

		assertThat(orders).filteredOn((order) -> order.status().equals("CONFIRMED")).hasSize(5);
		assertThat(orders).filteredOn((order) -> order.status().equals("REJECTED"))
			.hasSize(15)
			.allSatisfy((order) -> assertThat(order.reason()).isEqualTo("OUT_OF_STOCK"));
		new ShopLedger(this.running, this.shop).assertBalanced(product.sku(), 5,
				orders.stream().map(Order::id).toList());
	}

	@Test
	void twoConcurrentRetriesWithOneKeyCreateOneOrder() {
		Product product = this.shop.createProductWithStock("RETRY", 900, 10);
		String key = UUID.randomUUID().toString();
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<ShopResponse>> retries = IntStream.range(0, 2)
			.mapToObj((attempt) -> CompletableFuture.supplyAsync(() -> {
				await(start);
				return this.shop.call("POST", "/api/orders")
					.header("Idempotency-Key", key)
					.json(NewOrder.of(new NewLine(product.sku(), 1)))
					.send();
			}))
			.toList();
		List<String> ids = retries.stream().map(CompletableFuture::join).map(ShopClient::orderIdOf).toList();

		assertThat(ids.get(0)).isEqualTo(ids.get(1));
		assertThat(this.shop.awaitFinalOrder(ids.get(0)).status()).isEqualTo("CONFIRMED");
		new ShopLedger(this.running, this.shop).assertBalanced(product.sku(), 10, List.of(ids.get(0)));
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
