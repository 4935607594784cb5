package shop;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Idempotency-Key} of {@code POST /api/orders}: a retry never places a second
 * order, even when the retries race each other.
 */
class IdempotencyIntegrationTests extends ShopIntegrationTest {

	@Test
	void answersARetryWithTheSameOrderAndPlacesNothing() {
		String sku = this.shop.newProduct(1250, 10);
		String email = uniqueEmail();
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

		ShopClient.Answer first = this.shop.post("/api/orders", ShopClient.orderBody(email, sku, 2), key);
		ShopClient.Answer retry = this.shop.post("/api/orders", ShopClient.orderBody(email, sku, 2), key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(this.shop.awaitFinal(retry).path("status").asString()).isEqualTo("CONFIRMED");
		assertThat(count("select count(*) from orders.orders where customer_email = ?", email)).isOne();
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(8);
	}

	@Test
	void refusesTheSameKeyWithADifferentBody() {
		String sku = this.shop.newProduct(1250, 10);
		String email = uniqueEmail();
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		this.shop.awaitFinal(this.shop.post("/api/orders", ShopClient.orderBody(email, sku, 2), key));

		ShopClient.Answer reused = this.shop.post("/api/orders", ShopClient.orderBody(email, sku, 3), key);

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reused.json().path("type").asString())
			.isEqualTo("https://workshop.example/problems/idempotency-key-reused");
		assertThat(count("select count(*) from orders.orders where customer_email = ?", email)).isOne();
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(8);
	}

	@Test
	void placesOneOrderForConcurrentRetries() throws Exception {
		String sku = this.shop.newProduct(1250, 50);
		String email = uniqueEmail();
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		int retries = 6;
		CyclicBarrier start = new CyclicBarrier(retries);
		ExecutorService clients = Executors.newFixedThreadPool(retries);
		try {
			List<Future<ShopClient.Answer>> answers = new ArrayList<>();
			for (int i = 0; i < retries; i++) {
				answers.add(clients.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return this.shop.post("/api/orders", ShopClient.orderBody(email, sku, 1), key);
				}));
			}
			List<String> locations = new ArrayList<>();
			for (Future<ShopClient.Answer> answer : answers) {
				ShopClient.Answer done = answer.get(30, TimeUnit.SECONDS);
				assertThat(done.status()).as(done.body()).isEqualTo(201);
				locations.add(done.header("Location"));
				this.shop.awaitFinal(done);
			}
			assertThat(locations).containsOnly(locations.get(0));
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(count("select count(*) from orders.orders where customer_email = ?", email)).isOne();
		assertThat(this.shop.get("/api/inventory/" + sku).json().path("onHand").asInt()).isEqualTo(49);
	}

	private static String uniqueEmail() {
		return "retry-" + UUID.randomUUID() + "@example.com";
	}

}
