package shop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the shop's API, as a real client sees it: requests over a
 * socket, answers as status, headers and JSON.
 */
final class ShopClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final CatalogStream catalog;

	ShopClient(int port, CatalogStream catalog) {
		this.baseUrl = "http://localhost:" + port;
		this.catalog = catalog;
	}

	Answer get(String path) {
		return send(request(path).GET());
	}

	Answer post(String path, String body) {
		return post(path, body, Map.of());
	}

	Answer post(String path, String body, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::setHeader);
		return send(request);
	}

	Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Answer(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The shop did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the shop", ex);
		}
	}

	/**
	 * A request with the anonymous token, as the gateway sends one for a caller who did
	 * not log in; {@code setHeader("Authorization", …)} replaces it.
	 */
	HttpRequest.Builder request(String path) {
		return requestWithoutToken(path).setHeader("Authorization", GatewayTokens.anonymous());
	}

	/** A request with no {@code Authorization}, such as one that bypasses the gateway. */
	HttpRequest.Builder requestWithoutToken(String path) {
		return HttpRequest.newBuilder(URI.create(this.baseUrl + path));
	}

	Answer placeOrder(String email, String sku, int quantity) {
		return post("/api/orders", orderBody(email, sku, quantity));
	}

	/**
	 * Waits for a placed order to leave {@code PENDING}, reading it as a client would:
	 * {@code GET} on its {@code Location}, every 20 ms, for at most 10 seconds.
	 * @param placed the answer to {@code POST /api/orders}
	 * @return the order in its final status
	 */
	JsonNode awaitFinal(Answer placed) {
		return awaitFinal(placed.header("Location"));
	}

	/**
	 * Waits for the order at {@code location} to leave {@code PENDING}.
	 * @param location the order's path, {@code /api/orders/{id}}
	 * @return the order in its final status
	 */
	JsonNode awaitFinal(String location) {
		return Awaitility.await("order " + location + " to leave PENDING")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> get(location).json(), (order) -> !"PENDING".equals(order.path("status").asString()));
	}

	static String orderBody(String email, String sku, int quantity) {
		return """
				{"customerEmail": "%s", "lines": [{"sku": "%s", "quantity": %d}]}
				""".formatted(email, sku, quantity);
	}

	/**
	 * One answer of the shop.
	 */
	record Answer(HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		String body() {
			return this.response.body();
		}

		String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		JsonNode json() {
			return json.readTree(this.response.body());
		}

	}

}
