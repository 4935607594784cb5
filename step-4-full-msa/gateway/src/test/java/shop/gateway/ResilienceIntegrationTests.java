package shop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A backend that is stopped or too slow gets a fast 503 problem from the gateway naming
 * it, never a hang; its requests are not sent to another backend, and the other backends
 * answer as before. The times are logged for the README, not asserted.
 */
class ResilienceIntegrationTests extends GatewayIntegrationTest {

	private static final Log logger = LogFactory.getLog(ResilienceIntegrationTests.class);

	private static final String PRODUCT = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final String STOCK = "/api/inventory/MUG-CLASSIC";

	private static final String ORDER = "/api/orders/0b0e2f6e-2d0a-4c43-8d3b-3f1d6d1f1f00";

	@Test
	void answersServiceUnavailableWhenTheCatalogServiceIsStopped() {
		assertThat(servedBy(get(PRODUCT))).isEqualTo("catalog-service");

		CATALOG_SERVICE.stop();
		try {
			long start = System.nanoTime();
			HttpResponse<String> response = get(PRODUCT);
			logger.info("Catalog service stopped: 503 in " + (System.nanoTime() - start) / 1_000_000 + " ms");

			assertServiceUnavailable(response, "catalog-service");
			assertThat(servedBy(get(STOCK))).isEqualTo("inventory-service");
			assertThat(servedBy(get(ORDER))).isEqualTo("order-service");
		}
		finally {
			CATALOG_SERVICE.restart();
		}
		awaitServedBy(PRODUCT, "catalog-service");
	}

	@Test
	void neverSendsProductsToAnotherBackendWhenTheCatalogServiceIsStopped() {
		int otherRequests = INVENTORY_SERVICE.requests() + ORDER_SERVICE.requests();

		CATALOG_SERVICE.stop();
		try {
			HttpResponse<String> read = get(PRODUCT + "?view=full");
			HttpResponse<String> write = send(HttpRequest.newBuilder(gateway("/api/products"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"CUP-SMALL\"}"))
				.build());

			assertServiceUnavailable(read, "catalog-service");
			assertServiceUnavailable(write, "catalog-service");
			assertThat(INVENTORY_SERVICE.requests() + ORDER_SERVICE.requests()).isEqualTo(otherRequests);
		}
		finally {
			CATALOG_SERVICE.restart();
		}
	}

	@Test
	void answersServiceUnavailableWhenTheCatalogServiceIsTooSlow() {
		CATALOG_SERVICE.slowDown();

		long start = System.nanoTime();
		HttpResponse<String> response = get(PRODUCT);
		logger.info("Catalog service too slow: 503 in " + (System.nanoTime() - start) / 1_000_000 + " ms");

		assertServiceUnavailable(response, "catalog-service");
		assertThat(servedBy(get(STOCK))).isEqualTo("inventory-service");
		assertThat(servedBy(get(ORDER))).isEqualTo("order-service");
	}

	@Test
	void letsEveryRequestInFlightThroughToASlowBackend() {
		// more than the 25 that the default bulkhead of Spring Cloud CircuitBreaker
		// lets through
		int inFlight = 40;
		int before = CATALOG_SERVICE.requests();
		CATALOG_SERVICE.slowDown();
		List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
		for (int i = 0; i < inFlight; i++) {
			answers.add(HTTP.sendAsync(HttpRequest.newBuilder(gateway(PRODUCT)).build(),
					HttpResponse.BodyHandlers.ofString()));
		}
		// held until all have reached the backend, or one was answered without it, well
		// inside the gateway's timeout
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> CATALOG_SERVICE.requests() - before == inFlight
					|| answers.stream().anyMatch(CompletableFuture::isDone));
		CATALOG_SERVICE.answerNormally();

		assertThat(answers).extracting((answer) -> answer.join().statusCode()).containsOnly(200);
		assertThat(CATALOG_SERVICE.requests() - before).isEqualTo(inFlight);
	}

	@Test
	void answersServiceUnavailableWhenTheInventoryServiceIsStopped() {
		INVENTORY_SERVICE.stop();
		try {
			assertServiceUnavailable(get(STOCK), "inventory-service");
			assertThat(servedBy(get(PRODUCT))).isEqualTo("catalog-service");
			assertThat(servedBy(get(ORDER))).isEqualTo("order-service");
		}
		finally {
			INVENTORY_SERVICE.restart();
		}
		awaitServedBy(STOCK, "inventory-service");
	}

	@Test
	void answersServiceUnavailableWhenTheOrderServiceIsStopped() {
		ORDER_SERVICE.stop();
		try {
			assertServiceUnavailable(get(ORDER), "order-service");
			assertThat(servedBy(get(PRODUCT))).isEqualTo("catalog-service");
			assertThat(servedBy(get(STOCK))).isEqualTo("inventory-service");
		}
		finally {
			ORDER_SERVICE.restart();
		}
		awaitServedBy(ORDER, "order-service");
	}

	private static void assertServiceUnavailable(HttpResponse<String> response, String app) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://workshop.example/problems/service-unavailable\"")
			.contains("\"status\":503")
			.contains("\"detail\":\"The " + app + " cannot answer")
			.contains("\"instance\":\"" + response.request().uri().getRawPath() + "\"");
		assertThat(servedBy(response)).isEqualTo("gateway");
	}

}
