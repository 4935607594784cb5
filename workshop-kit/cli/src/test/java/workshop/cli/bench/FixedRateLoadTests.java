package workshop.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-loop generator against a real HTTP server: it sends at its rate whatever the
 * server does, and charges a late answer from the time its request was meant to go.
 */
class FixedRateLoadTests {

	private final AtomicInteger served = new AtomicInteger();

	private final FixedRateLoad load = new FixedRateLoad(
			HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void sendsTheRateTimesTheDuration() throws InterruptedException {
		this.server.createContext("/ok", (exchange) -> answer(exchange, 200));

		LoadResult result = this.load.run(request("/ok"), 200, 200, Duration.ofMillis(300));

		assertThat(this.served).hasValue(60);
		assertThat(result.latencies().getTotalCount()).isEqualTo(60);
		assertThat(result.errors()).isZero();
		assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(295));
	}

	@Test
	void keepsSendingWhileAnAnswerIsLateAndChargesItTheWait() throws InterruptedException {
		// The first request is answered only once ten more have arrived: 10 intervals of
		// 5 ms at 200 req/s. A closed loop with one connection would have sent none.
		CountDownLatch tenMore = new CountDownLatch(10);
		AtomicInteger arrivals = new AtomicInteger();
		this.server.createContext("/stall", (exchange) -> {
			if (arrivals.incrementAndGet() == 1) {
				await(tenMore);
			}
			else {
				tenMore.countDown();
			}
			answer(exchange, 200);
		});

		LoadResult result = this.load.run(request("/stall"), 200, 200, Duration.ofMillis(200));

		assertThat(result.errors()).isZero();
		assertThat(result.latencies().getTotalCount()).isEqualTo(40);
		// about 50 ms; a first request sent a moment after its slot is charged a little
		// less
		assertThat(result.maxMillis()).isGreaterThanOrEqualTo(45);
	}

	@Test
	void countsAnUnexpectedStatusAsAnError() throws InterruptedException {
		this.server.createContext("/teapot", (exchange) -> answer(exchange, 418));

		LoadResult result = this.load.run(request("/teapot"), 200, 100, Duration.ofMillis(100));

		assertThat(result.errors()).isEqualTo(10);
		assertThat(result.latencies().getTotalCount()).isZero();
		assertThat(result.errorsAndCauses()).isEqualTo("10 (HTTP 418 x10)");
	}

	@Test
	void namesWhatWentWrongMostOftenFirst() throws InterruptedException {
		AtomicInteger arrivals = new AtomicInteger();
		this.server.createContext("/mixed", (exchange) -> {
			int arrival = arrivals.incrementAndGet();
			answer(exchange, (arrival % 4 == 0) ? 200 : (arrival % 2 == 1) ? 503 : 500);
		});

		LoadResult result = this.load.run(request("/mixed"), 200, 100, Duration.ofMillis(200));

		assertThat(result.latencies().getTotalCount()).isEqualTo(5);
		assertThat(result.errorsAndCauses()).isEqualTo("15 (HTTP 503 x10, HTTP 500 x5)");
	}

	@Test
	void namesTheFailureOfARequestThatGotNoAnswer() throws InterruptedException {
		HttpRequest refused = request("/ok");
		this.server.stop(0);

		LoadResult result = this.load.run(refused, 200, 100, Duration.ofMillis(100));

		assertThat(result.errorsAndCauses()).isEqualTo("10 (ConnectException x10)");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path))
			.build();
	}

	private void answer(HttpExchange exchange, int status) throws IOException {
		this.served.incrementAndGet();
		byte[] body = "[]".getBytes();
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
