package shop.gateway;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Past its limit, a client gets 429 {@code too-many-requests} with {@code Retry-After}
 * from the gateway itself, and the backend never sees the request; another client is
 * counted apart; after the wait the first client is served again. A gateway of its own
 * with a limit of 5 requests a second, so that a few requests reach it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "shop.gateway.timeout=5s", "shop.gateway.rate-limit.requests-per-second=5" })
class RateLimitIntegrationTests extends GatewayIntegrationTest {

	private static final String PRODUCT = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void answersTooManyRequestsPastTheLimitWithoutCallingTheBackend() {
		HttpResponse<String> refused = firstRefused();
		int backendRequests = backendRequests();

		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(servedBy(refused)).isEqualTo("gateway");
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://workshop.example/problems/too-many-requests");
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("instance").asString()).isEqualTo(PRODUCT);
		assertThat(problem.path("detail").asString()).contains("More than 5 requests in one second");
		assertThat(backendRequests()).isEqualTo(backendRequests);

		// Retry-After says 1 s; the bound leaves room for a machine busy with other
		// builds
		await("served again after Retry-After").atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> poll(PRODUCT).statusCode() == 200);
	}

	@Test
	void countsEachClientApart() throws UnknownHostException {
		assertThat(firstRefused().statusCode()).isEqualTo(429);

		RawHttp.Answer otherClient = RawHttp.getFrom(InetAddress.getByName("127.0.0.2"), this.port, PRODUCT);

		assertThat(otherClient.status()).isEqualTo(200);
		assertThat(otherClient.header("X-Served-By")).isEqualTo("catalog-service");
	}

	/**
	 * Reads until the gateway refuses one: within the 5 of one second and the 5 of the
	 * next at the most, however the seconds fall. The first read waits for the gateway's
	 * HTTP client to start.
	 */
	private HttpResponse<String> firstRefused() {
		await("a first read through this gateway").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsInstanceOf(UncheckedIOException.class)
			.until(() -> poll(PRODUCT).statusCode() == 200);
		for (int i = 0; i < 100; i++) {
			HttpResponse<String> response = get(PRODUCT);
			if (response.statusCode() != 200) {
				return response;
			}
		}
		throw new AssertionError("100 reads in a row and none refused");
	}

}
