package workshop.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import workshop.cli.WorkshopException;

/**
 * The requests the benchmark sends, built from the shop API contract: list the products,
 * and place an order of one unit of a product whose stock has been topped up first (admin
 * {@code PUT /api/inventory/{sku}}), so every order can be confirmed.
 */
final class ShopRequests {

	/** The most units the contract lets an admin put on hand. */
	private static final int FULL_STOCK = 1_000_000;

	private static final Pattern SKU = Pattern.compile("\"sku\"\\s*:\\s*\"([A-Z0-9-]+)\"");

	private static final int SET_UP_TRIES = 5;

	/** The workshop's default administrator, as an HTTP Basic header. */
	static final String ADMIN = "Basic "
			+ Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

	private final HttpClient client;

	private final URI frontDoor;

	private String sku;

	ShopRequests(HttpClient client, String frontDoor) {
		this.client = client;
		this.frontDoor = URI.create(frontDoor.endsWith("/") ? frontDoor : frontDoor + "/");
	}

	/** {@code GET /api/products}, answered 200. */
	HttpRequest listProducts() {
		return HttpRequest.newBuilder(this.frontDoor.resolve("api/products")).timeout(Duration.ofSeconds(30)).build();
	}

	/** {@code GET /api/inventory/{sku}} of the chosen product, answered 200. */
	HttpRequest readStock() {
		return HttpRequest.newBuilder(this.frontDoor.resolve("api/inventory/" + chosenSku()))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

	/** {@code POST /api/orders} for one unit of the chosen product, answered 201. */
	HttpRequest placeOrder() {
		String body = "{\"customerEmail\": \"bench@example.com\", \"lines\": [{\"sku\": \"" + chosenSku()
				+ "\", \"quantity\": 1}]}";
		return HttpRequest.newBuilder(this.frontDoor.resolve("api/orders"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	/**
	 * Puts the most units allowed on hand for the product the orders name, so a run never
	 * runs out of stock.
	 * @throws WorkshopException when the shop does not answer as the contract says
	 */
	void topUpStock() {
		HttpRequest request = HttpRequest.newBuilder(this.frontDoor.resolve("api/inventory/" + chosenSku()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", ADMIN)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"onHand\": " + FULL_STOCK + "}"))
			.build();
		HttpResponse<String> response = sendSetUp(request);
		if (response.statusCode() != 200) {
			throw new WorkshopException("PUT " + request.uri() + " answered " + response.statusCode()
					+ " instead of 200: the step does not follow CONTRACT.md (" + abbreviate(response.body()) + ").");
		}
	}

	private String chosenSku() {
		if (this.sku == null) {
			HttpResponse<String> response = sendSetUp(listProducts());
			Matcher matcher = SKU.matcher(response.body());
			if (response.statusCode() != 200 || !matcher.find()) {
				throw new WorkshopException("GET " + listProducts().uri() + " answered " + response.statusCode()
						+ " with no product: the step needs its seed data to be benchmarked.");
			}
			this.sku = matcher.group(1);
		}
		return this.sku;
	}

	/**
	 * Sends a request of the bench's own.
	 * @param request the request
	 * @return the answer, whatever its status
	 * @throws WorkshopException when nothing answered
	 */
	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new WorkshopException(request.method() + " " + request.uri() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted.", ex);
		}
	}

	/**
	 * Sends a request that sets a measure up, again while it fails on the server's side:
	 * a step that has just become healthy can still answer its first requests with a 5xx
	 * (a gateway whose first call to an app takes longer than its timeout, while both
	 * warm up). At most {@value #SET_UP_TRIES} tries, a second apart.
	 * @param request the request
	 * @return the first answer below 500, or the last one
	 * @throws WorkshopException when nothing answered
	 */
	HttpResponse<String> sendSetUp(HttpRequest request) {
		for (int tried = 1;; tried++) {
			HttpResponse<String> response = send(request);
			if (response.statusCode() < 500 || tried == SET_UP_TRIES) {
				return response;
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WorkshopException("Interrupted.", ex);
			}
		}
	}

	private static String abbreviate(String body) {
		String line = body.replaceAll("\\s+", " ");
		return (line.length() > 120) ? line.substring(0, 117) + "..." : line;
	}

}
