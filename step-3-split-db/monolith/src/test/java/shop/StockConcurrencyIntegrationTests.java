package shop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Buyers racing for the last units: the row lock on the stock lets exactly as many orders
 * through as there are units, and the stock never goes negative.
 */
class StockConcurrencyIntegrationTests extends ShopIntegrationTest {

	@Test
	void sellsTheLastUnitToExactlyOneOfTwoBuyers() throws Exception {
		String sku = this.shop.newProduct(1250, 1);

		List<String> statuses = race(sku, 2);

		assertThat(statuses).containsExactlyInAnyOrder("CONFIRMED", "REJECTED");
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isZero();
	}

	@Test
	void neverSellsMoreUnitsThanAreOnHand() throws Exception {
		String sku = this.shop.newProduct(1250, 3);

		List<String> statuses = race(sku, 8);

		assertThat(statuses).filteredOn("CONFIRMED"::equals).hasSize(3);
		assertThat(statuses).filteredOn("REJECTED"::equals).hasSize(5);
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isZero();
		assertThat(
				count("select count(*) from inventory.stock where on_hand < 0 or reserved < 0 or reserved > on_hand"))
			.isZero();
	}

	/** Starts {@code buyers} orders of one unit at once; answers their final statuses. */
	private List<String> race(String sku, int buyers) throws Exception {
		CyclicBarrier start = new CyclicBarrier(buyers);
		ExecutorService clients = Executors.newFixedThreadPool(buyers);
		try {
			List<Future<ShopClient.Answer>> answers = new ArrayList<>();
			for (int buyer = 0; buyer < buyers; buyer++) {
				String email = "buyer" + buyer + "@example.com";
				answers.add(clients.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.shop.placeOrder(email, sku, 1);
				}));
			}
			List<String> statuses = new ArrayList<>();
			for (Future<ShopClient.Answer> answer : answers) {
				ShopClient.Answer placed = answer.get(30, TimeUnit.SECONDS);
				assertThat(placed.status()).as(placed.body()).isEqualTo(201);
				statuses.add(this.shop.awaitFinal(placed).path("status").asString());
			}
			return statuses;
		}
		finally {
			clients.shutdownNow();
		}
	}

}
