package workshop.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order batch against a real HTTP server that answers like an asynchronous shop: each
 * order stays {@code PENDING} for a given number of reads, then ends with a given status.
 */
class OrderBatchTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger posts = new AtomicInteger();

	private final Map<String, AtomicInteger> readsPerOrder = new ConcurrentHashMap<>();

	private final AtomicInteger readsInFlight = new AtomicInteger();

	private final AtomicInteger mostReadsInFlight = new AtomicInteger();

	private HttpServer server;

	private volatile int pendingReads;

	private volatile String finalStatus = "CONFIRMED";

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/orders", this::answer);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void placesEveryOrderThenReadsEachPendingOrderOncePerRound() throws InterruptedException {
		this.pendingReads = 2;

		BatchResult result = batch(Duration.ofSeconds(10)).run(30, 3);

		assertThat(this.posts).hasValue(30);
		assertThat(this.readsPerOrder).hasSize(30)
			.allSatisfy((order, reads) -> assertThat(reads).as("reads of order " + order).hasValue(3));
		assertThat(result.orders()).isEqualTo(30);
		assertThat(result.connections()).isEqualTo(3);
		assertThat(result.confirmed()).isEqualTo(30);
		assertThat(result.errors()).isZero();
		assertThat(result.postLatencies().getTotalCount()).isEqualTo(30);
		assertThat(result.spanNanos()).as("two rounds of reads, 50 ms apart, before the orders show final")
			.isGreaterThanOrEqualTo(OrderBatch.READ_ROUND.multipliedBy(2).toNanos());
		assertThat(result.completedPerSecond()).isPositive();
	}

	@Test
	void readsOneOrderAtATimeWhateverTheConnectionsThatPlacedThem() throws InterruptedException {
		this.pendingReads = 3;

		BatchResult result = batch(Duration.ofSeconds(10)).run(24, 4);

		assertThat(result.confirmed()).isEqualTo(24);
		assertThat(this.mostReadsInFlight).as("reads in flight at once").hasValue(OrderBatch.READERS);
	}

	@Test
	void readsNothingWhenEveryPostAnswersFinal() throws InterruptedException {
		this.pendingReads = -1;

		BatchResult result = batch(Duration.ofSeconds(10)).run(20, 2);

		assertThat(this.readsPerOrder).isEmpty();
		assertThat(result.confirmed()).isEqualTo(20);
		assertThat(result.drainNanos()).isZero();
	}

	@Test
	void countsRejectedOrdersAsErrors() throws InterruptedException {
		this.pendingReads = 1;
		this.finalStatus = "REJECTED";

		BatchResult result = batch(Duration.ofSeconds(10)).run(10, 2);

		assertThat(result.otherFinal()).isEqualTo(10);
		assertThat(result.errors()).isEqualTo(10);
	}

	@Test
	void stopsReadingAtTheDeadlineAndCountsWhatIsStillPending() throws InterruptedException {
		this.pendingReads = Integer.MAX_VALUE;

		BatchResult result = batch(Duration.ofMillis(120)).run(5, 5);

		assertThat(result.stillPending()).isEqualTo(5);
		assertThat(result.errors()).isEqualTo(5);
		assertThat(this.readsPerOrder.values()).allSatisfy((reads) -> assertThat(reads.get()).isBetween(1, 4));
	}

	private OrderBatch batch(Duration deadline) {
		URI orders = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/orders");
		HttpRequest placeOrder = HttpRequest.newBuilder(orders)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		return new OrderBatch(this.client, placeOrder, deadline);
	}

	/**
	 * POST answers 201 with the new order's Location (final at once when
	 * {@code pendingReads} is negative); a GET answers PENDING until that order was read
	 * {@code pendingReads} times. A read takes a few milliseconds, so that reads sent at
	 * once overlap.
	 */
	private void answer(HttpExchange exchange) throws IOException {
		String status;
		int code;
		if (exchange.getRequestMethod().equals("POST")) {
			code = 201;
			status = (this.pendingReads < 0) ? this.finalStatus : "PENDING";
			exchange.getResponseHeaders().add("Location", "/api/orders/" + this.posts.incrementAndGet());
		}
		else {
			code = 200;
			String order = exchange.getRequestURI().getPath();
			int reads = this.readsPerOrder.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
			this.mostReadsInFlight.accumulateAndGet(this.readsInFlight.incrementAndGet(), Math::max);
			pause(Duration.ofMillis(3));
			this.readsInFlight.decrementAndGet();
			status = (reads > this.pendingReads) ? this.finalStatus : "PENDING";
		}
		byte[] body = ("{\"status\": \"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(code, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
