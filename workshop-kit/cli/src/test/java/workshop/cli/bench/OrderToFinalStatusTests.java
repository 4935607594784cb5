package workshop.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Placing an order and reading it until it is final, against a real HTTP server that
 * answers like an asynchronous shop: the order stays {@code PENDING} for a given number
 * of reads, then ends with a given status.
 */
class OrderToFinalStatusTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger reads = new AtomicInteger();

	private HttpServer server;

	private volatile int pendingReads;

	private volatile String finalStatus;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/orders", this::answer);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void readsAPendingOrderUntilItIsConfirmed() throws Exception {
		this.pendingReads = 3;
		this.finalStatus = "CONFIRMED";

		boolean confirmed = exchange(Duration.ofSeconds(5)).perform(this.client);

		assertThat(confirmed).isTrue();
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void countsAnOrderAnsweredFinalByThePostWithoutReadingIt() throws Exception {
		this.pendingReads = -1;
		this.finalStatus = "CONFIRMED";

		assertThat(exchange(Duration.ofSeconds(5)).perform(this.client)).isTrue();
		assertThat(this.reads).hasValue(0);
	}

	@Test
	void countsARejectedOrderAsAnError() throws Exception {
		this.pendingReads = 1;
		this.finalStatus = "REJECTED";

		assertThat(exchange(Duration.ofSeconds(5)).perform(this.client)).isFalse();
	}

	@Test
	void givesUpOnAnOrderThatStaysPending() throws Exception {
		this.pendingReads = Integer.MAX_VALUE;
		this.finalStatus = "CONFIRMED";

		assertThat(exchange(Duration.ofMillis(50)).perform(this.client)).isFalse();
		assertThat(this.reads.get()).isPositive();
	}

	@Test
	void measuresTheWholeExchangeUnderLoad() throws InterruptedException {
		this.pendingReads = 0;
		this.finalStatus = "CONFIRMED";

		LoadResult result = new LoadGenerator(this.client).run(exchange(Duration.ofSeconds(5)), 2,
				Duration.ofMillis(300));

		assertThat(result.errors()).isZero();
		assertThat(result.latencies().getTotalCount()).isPositive().isEqualTo(this.reads.get());
	}

	private OrderToFinalStatus exchange(Duration timeout) {
		URI orders = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/orders");
		return new OrderToFinalStatus(HttpRequest.newBuilder(orders)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), timeout);
	}

	/**
	 * POST answers 201 with a Location (final at once when {@code pendingReads} is
	 * negative); each GET answers PENDING until {@code pendingReads} reads were made.
	 */
	private void answer(HttpExchange exchange) throws IOException {
		String status;
		int code;
		if (exchange.getRequestMethod().equals("POST")) {
			code = 201;
			status = (this.pendingReads < 0) ? this.finalStatus : "PENDING";
			exchange.getResponseHeaders().add("Location", "/api/orders/42");
		}
		else {
			code = 200;
			status = (this.reads.incrementAndGet() > this.pendingReads) ? this.finalStatus : "PENDING";
		}
		byte[] body = ("{\"id\": \"42\", \"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(code, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
