package workshop.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places an order and reads it until its status is final: {@code POST /api/orders}, then
 * {@code GET} on its {@code Location} until the status is no longer {@code PENDING}, as
 * the contract's clients do. In a step with an asynchronous flow (step 1 on) this is what
 * a customer waits for; in step 0 it is the POST alone, since that answers final. Counts
 * as an error unless the order ends {@code CONFIRMED} within the timeout.
 */
final class OrderToFinalStatus implements LoadGenerator.Exchange {

	/**
	 * Between two reads of a pending order: short enough to measure the wait to a few
	 * milliseconds, long enough that the readers do not take the CPU from the flow they
	 * wait for (16 connections reading every millisecond would send up to 16,000 reads a
	 * second).
	 */
	static final Duration POLL_INTERVAL = Duration.ofMillis(5);

	private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

	private final HttpRequest placeOrder;

	private final Duration timeout;

	OrderToFinalStatus(HttpRequest placeOrder, Duration timeout) {
		this.placeOrder = placeOrder;
		this.timeout = timeout;
	}

	@Override
	public boolean perform(HttpClient client) throws IOException, InterruptedException {
		HttpResponse<String> placed = client.send(this.placeOrder, HttpResponse.BodyHandlers.ofString());
		Optional<String> location = placed.headers().firstValue("Location");
		if (placed.statusCode() != 201 || location.isEmpty()) {
			return false;
		}
		HttpRequest read = HttpRequest.newBuilder(this.placeOrder.uri().resolve(URI.create(location.get())))
			.timeout(Duration.ofSeconds(30))
			.build();
		long deadline = System.nanoTime() + this.timeout.toNanos();
		String status = statusOf(placed.body());
		while ("PENDING".equals(status) && System.nanoTime() < deadline) {
			Thread.sleep(POLL_INTERVAL.toMillis());
			HttpResponse<String> answer = client.send(read, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				return false;
			}
			status = statusOf(answer.body());
		}
		return "CONFIRMED".equals(status);
	}

	/**
	 * Reads the {@code status} of an order from its JSON.
	 * @param body the order as JSON
	 * @return the status, empty when the body has none
	 */
	static String statusOf(String body) {
		Matcher matcher = STATUS.matcher(body);
		return matcher.find() ? matcher.group(1) : "";
	}

}
