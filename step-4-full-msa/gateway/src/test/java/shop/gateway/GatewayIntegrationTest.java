package shop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Base of the gateway's integration tests: one gateway on a random port, in front of
 * three real HTTP servers playing the catalog, inventory and order services, shared by
 * every test class of the JVM. After each test the backends answer normally again and the
 * circuit breakers are closed.
 */
// The slow-backend test waits for the timeout: 1 s instead of the default 2 s. The load
// balancing tests send hundreds of requests a second from one client: past the default
// rate limit, which RateLimitIntegrationTests tests with a gateway of its own.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.gateway.timeout=1s", "shop.gateway.rate-limit.requests-per-second=100000" })
abstract class GatewayIntegrationTest {

	static final FakeBackend CATALOG_SERVICE = FakeBackend.start("catalog-service");

	static final FakeBackend INVENTORY_SERVICE = FakeBackend.start("inventory-service");

	static final FakeBackend ORDER_SERVICE = FakeBackend.start("order-service");

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static volatile boolean warm;

	@LocalServerPort
	int port;

	@Autowired
	ReactiveResilience4JCircuitBreakerFactory breakers;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		// No registry: the same instance lists, fixed, from Spring Cloud's simple
		// discovery.
		registry.add("eureka.client.enabled", () -> "false");
		instance(registry, CATALOG_SERVICE, 0);
		instance(registry, INVENTORY_SERVICE, 0);
		instance(registry, ORDER_SERVICE, 0);
	}

	/** Lists a backend as one instance of the app it plays. */
	static void instance(DynamicPropertyRegistry registry, FakeBackend backend, int index) {
		registry.add("spring.cloud.discovery.client.simple.instances." + backend.name() + "[" + index + "].uri",
				() -> backend.url().toString());
	}

	/**
	 * The gateway's HTTP client starts on its first call, which on a busy machine can
	 * take longer than the 1 s the tests give a backend: that call would get a 503. The
	 * first test of the JVM waits until a call gets through.
	 */
	@BeforeEach
	void warmUp() {
		if (!warm) {
			await("a first call through the gateway").atMost(Duration.ofSeconds(60))
				.until(() -> servedBy(get("/api/products/warm-up")).equals("catalog-service"));
			this.breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach((breaker) -> breaker.reset());
			warm = true;
		}
	}

	@AfterEach
	void answerNormallyAgain() {
		CATALOG_SERVICE.answerNormally();
		INVENTORY_SERVICE.answerNormally();
		ORDER_SERVICE.answerNormally();
		this.breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach((breaker) -> breaker.reset());
		awaitServedBy("/api/products/warm-up", "catalog-service");
		awaitServedBy("/api/inventory/warm-up", "inventory-service");
		awaitServedBy("/api/orders/warm-up", "order-service");
		// the calls the health check had not let through yet count as failures
		this.breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach((breaker) -> breaker.reset());
	}

	/**
	 * Waits until the backend answers through the gateway: a backend started again gets
	 * requests once the load balancer's next health check (every second) has seen it.
	 */
	void awaitServedBy(String path, String backend) {
		await(backend + " back").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> servedBy(poll(path)).equals(backend));
	}

	URI gateway(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A GET through the gateway with the given headers (name, value, name, value…). */
	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(30)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/**
	 * A GET for a wait loop: it gives up after 3 s, and the loop asks again. Rarely, a
	 * request sent right after the rate limit refused others gets no answer on its pooled
	 * connection (seen in about one run in fifteen of RateLimitIntegrationTests, not
	 * reproduced by 300 keep-alive requests of which 216 were refused).
	 */
	HttpResponse<String> poll(String path) {
		return send(HttpRequest.newBuilder(gateway(path)).timeout(Duration.ofSeconds(3)).GET().build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many requests have reached any backend so far. */
	static int backendRequests() {
		return CATALOG_SERVICE.requests() + INVENTORY_SERVICE.requests() + ORDER_SERVICE.requests();
	}

	/** Which app served a response, as the response says. */
	static String servedBy(HttpResponse<?> response) {
		return response.headers().firstValue("X-Served-By").orElse("(none)");
	}

}
