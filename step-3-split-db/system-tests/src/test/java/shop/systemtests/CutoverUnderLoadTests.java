package shop.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import workshop.contract.Money;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.Product.NewProduct;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase B, the cutover, under load: orders, product reads and admin writes run through
 * the gateway while {@code ./workshop migrate next} moves the catalog service to its own
 * database. No request fails, every write is there afterwards, and writes waited at most
 * a second.
 */
@Order(40)
class CutoverUnderLoadTests {

	/** Rounds of each kind of request before the cutover and after it. */
	private static final int ROUNDS = 10;

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();

	@Test
	void cutsOverWithNoFailedRequestAndNoLostWrite() {
		assertThat(this.running.migration().phase()).isEqualTo("A");
		Product priced = this.shop.createProductWithStock("CUTOVER", 1000, 1_000_000);
		AtomicInteger reads = new AtomicInteger();
		AtomicInteger priceChanges = new AtomicInteger();
		AtomicInteger orders = new AtomicInteger();
		ConcurrentLinkedQueue<Product> created = new ConcurrentLinkedQueue<>();
		List<CompletableFuture<Void>> load = new ArrayList<>();
		load.add(repeat(() -> read(priced, reads)));
		load.add(repeat(() -> changePriceAndCreate(priced, priceChanges, created)));
		load.add(repeat(() -> order(priced, orders)));

		awaitRounds(reads, priceChanges, orders, ROUNDS);
		String moved = this.running.migration().next();
		awaitRounds(reads, priceChanges, orders, 2 * ROUNDS);
		this.stopping.set(true);
		load.forEach(CompletableFuture::join);

		JsonNode status = this.running.migration().status();
		assertThat(this.failed).as("requests that failed").isEmpty();
		assertThat(status.path("phase").asString()).as(moved).isEqualTo("B");
		assertThat(status.path("cutover").path("pausedMillis").asLong()).isBetween(0L, 1000L);
		long lastPrice = 1000 + priceChanges.get();
		assertThat(this.shop.product(priced.id()).price()).isEqualTo(Money.usd(lastPrice));
		assertThat(created).allSatisfy((product) -> assertThat(this.shop.product(product.id())).isEqualTo(product));
		await("the replica to follow the catalog's own database").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.running.replicaPrice(priced.sku()) == lastPrice);
	}

	private void read(Product priced, AtomicInteger reads) {
		expect(this.shop.get("/api/products/" + priced.id()), 200);
		expect(this.shop.get("/api/products"), 200);
		reads.incrementAndGet();
	}

	private void changePriceAndCreate(Product priced, AtomicInteger changes, ConcurrentLinkedQueue<Product> created) {
		int change = changes.get() + 1;
		NewProduct update = new NewProduct(priced.sku(), priced.name(), priced.description(), Money.usd(1000 + change),
				true);
		if (expect(this.shop.call("PUT", "/api/products/" + priced.id()).asAdmin().json(update).send(), 200)) {
			changes.set(change);
		}
		if (change % 5 == 0) {
			NewProduct fresh = new NewProduct("CUTOVER-NEW-" + change, "Created during the cutover", "", Money.usd(500),
					true);
			ShopResponse answer = this.shop.call("POST", "/api/products").asAdmin().json(fresh).send();
			if (expect(answer, 201)) {
				created.add(answer.as(Product.class));
			}
		}
	}

	private void order(Product priced, AtomicInteger orders) {
		ShopResponse placed = this.shop.call("POST", "/api/orders")
			.json(NewOrder.of(new NewLine(priced.sku(), 1)))
			.send();
		if (expect(placed, 201)) {
			String status = this.shop.awaitFinalOrder(ShopClient.orderIdOf(placed)).status();
			if (!"CONFIRMED".equals(status)) {
				this.failed.add("an order ended " + status);
			}
		}
		orders.incrementAndGet();
	}

	private boolean expect(ShopResponse answer, int status) {
		if (answer.status() != status) {
			this.failed.add(answer.toString());
			return false;
		}
		return true;
	}

	private CompletableFuture<Void> repeat(Runnable round) {
		return CompletableFuture.runAsync(() -> {
			while (!this.stopping.get()) {
				round.run();
			}
		});
	}

	private static void awaitRounds(AtomicInteger reads, AtomicInteger priceChanges, AtomicInteger orders, int rounds) {
		await(rounds + " rounds of each request").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> reads.get() >= rounds && priceChanges.get() >= rounds && orders.get() >= rounds);
	}

}
