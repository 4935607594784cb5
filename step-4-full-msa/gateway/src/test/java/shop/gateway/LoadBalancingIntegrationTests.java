package shop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the inventory service behind {@code lb://inventory-service}: reads are
 * spread over both; with one gone, every read still gets through (tried again on the
 * other), a write is sent to one instance only, and the health checks soon send
 * everything to the one left.
 */
class LoadBalancingIntegrationTests extends GatewayIntegrationTest {

	static final FakeBackend SECOND_INVENTORY = FakeBackend.start("inventory-service");

	private boolean secondStopped;

	@DynamicPropertySource
	static void secondInstance(DynamicPropertyRegistry registry) {
		instance(registry, SECOND_INVENTORY, 1);
	}

	@BeforeEach
	void bothInstancesAnswer() {
		await("both instances in use").atMost(Duration.ofSeconds(30)).until(() -> {
			int before = SECOND_INVENTORY.requests();
			get("/api/inventory/warm-up");
			get("/api/inventory/warm-up");
			return SECOND_INVENTORY.requests() > before;
		});
	}

	@AfterEach
	void secondInstanceBack() {
		if (this.secondStopped) {
			SECOND_INVENTORY.restart();
		}
	}

	@Test
	void spreadsReadsOverBothInstances() {
		int first = INVENTORY_SERVICE.requests();
		int second = SECOND_INVENTORY.requests();
		for (int i = 0; i < 20; i++) {
			assertThat(get("/api/inventory/SKU-1").statusCode()).isEqualTo(200);
		}
		assertThat(INVENTORY_SERVICE.requests() - first).isBetween(5, 15);
		assertThat(SECOND_INVENTORY.requests() - second).isBetween(5, 15);
	}

	@Test
	void triesAReadAgainOnTheOtherInstanceWhenOneIsGone() {
		stopSecond();
		// At once, before a health check saw it: half the picks land on the stopped one.
		for (int i = 0; i < 30; i++) {
			HttpResponse<String> read = get("/api/inventory/SKU-1");
			assertThat(read.statusCode()).as("read %d", i).isEqualTo(200);
			assertThat(servedBy(read)).isEqualTo("inventory-service");
		}
	}

	@Test
	void triesEveryReadAgainOnTheOtherInstanceUnderConcurrentReads() throws Exception {
		stopSecond();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			List<Future<Integer>> reads = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				reads.add(clients.submit(() -> get("/api/inventory/SKU-1").statusCode()));
			}
			for (Future<Integer> read : reads) {
				assertThat(read.get()).isEqualTo(200);
			}
		}
		finally {
			clients.shutdown();
		}
	}

	@Test
	void sendsAWriteToOneInstanceOnlyAndSoonOnlyToTheOneLeft() {
		stopSecond();
		int before = INVENTORY_SERVICE.requests();
		int written = 0;
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> write = put("/api/inventory/SKU-1");
			assertThat(write.statusCode()).as("write %d", i).isIn(200, 503);
			if (write.statusCode() == 503) {
				assertThat(write.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			}
			else {
				written++;
			}
		}
		assertThat(INVENTORY_SERVICE.requests() - before).as("writes the instance left received").isEqualTo(written);

		await("the stopped instance out of the list").atMost(Duration.ofSeconds(10))
			.until(() -> put("/api/inventory/SKU-1").statusCode() == 200
					&& put("/api/inventory/SKU-1").statusCode() == 200
					&& put("/api/inventory/SKU-1").statusCode() == 200);
	}

	private void stopSecond() {
		SECOND_INVENTORY.stop();
		this.secondStopped = true;
	}

	private HttpResponse<String> put(String path) {
		return send(HttpRequest.newBuilder(gateway(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": 5}"))
			.build());
	}

}
