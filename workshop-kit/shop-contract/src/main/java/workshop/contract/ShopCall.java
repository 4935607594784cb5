package workshop.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * One HTTP request to the shop, built step by step and then sent: {@code
 * shop.call("POST", "/api/orders").header("Idempotency-Key", key).json(order).send()}.
 */
public final class ShopCall {

	/** No request may hang a test: each one gets this long to be answered. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http;

	private final String method;

	private final String path;

	private final URI uri;

	private final HttpRequest.Builder request;

	private BodyPublisher body = BodyPublishers.noBody();

	ShopCall(HttpClient http, URI baseUrl, String method, String path) {
		this.http = http;
		this.method = method;
		this.path = path;
		this.uri = baseUrl.resolve(path);
		this.request = HttpRequest.newBuilder(this.uri).timeout(TIMEOUT);
	}

	/**
	 * Adds a request header.
	 * @param name the header name
	 * @param value the header value
	 * @return this call
	 */
	public ShopCall header(String name, String value) {
		this.request.header(name, value);
		return this;
	}

	/**
	 * Sends HTTP Basic credentials.
	 * @param username the user name
	 * @param password the password
	 * @return this call
	 */
	public ShopCall credentials(String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return header("Authorization", "Basic " + token);
	}

	/**
	 * Sends the admin credentials of the suite's settings.
	 * @return this call
	 */
	public ShopCall asAdmin() {
		return credentials(ContractSettings.adminUsername(), ContractSettings.adminPassword());
	}

	/**
	 * Sends a value as an {@code application/json} body.
	 * @param value the value to write as JSON
	 * @return this call
	 */
	public ShopCall json(Object value) {
		return body("application/json", ShopClient.JSON.writeValueAsString(value));
	}

	/**
	 * Sends a body exactly as given, whatever it holds.
	 * @param contentType the {@code Content-Type} header
	 * @param raw the body
	 * @return this call
	 */
	public ShopCall body(String contentType, String raw) {
		header("Content-Type", contentType);
		this.body = BodyPublishers.ofString(raw, StandardCharsets.UTF_8);
		return this;
	}

	/**
	 * Sends the request and waits for the answer.
	 * @return the answer, whatever its status
	 */
	public ShopResponse send() {
		try {
			return toShopResponse(this.http.send(build(), BodyHandlers.ofString(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"No answer to " + this.method + " " + this.uri + ": is the shop running there? (" + ex + ")", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.method + " " + this.path, ex);
		}
	}

	/**
	 * Sends the request without waiting, so that several requests can race.
	 * @return the answer to come, whatever its status
	 */
	public CompletableFuture<ShopResponse> sendAsync() {
		return this.http.sendAsync(build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply(this::toShopResponse);
	}

	private HttpRequest build() {
		return this.request.method(this.method, this.body).build();
	}

	private ShopResponse toShopResponse(HttpResponse<String> response) {
		return new ShopResponse(this.method, this.path, response.statusCode(), response.headers(), response.body());
	}

}
