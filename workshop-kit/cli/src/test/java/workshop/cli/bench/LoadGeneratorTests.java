package workshop.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed-loop load generator against a real HTTP server, and the report made of its
 * results.
 */
class LoadGeneratorTests {

	private final AtomicInteger served = new AtomicInteger();

	private HttpServer server;

	private LoadGenerator generator;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/ok", (exchange) -> answer(exchange, 200));
		this.server.createContext("/teapot", (exchange) -> answer(exchange, 418));
		this.server.start();
		this.generator = new LoadGenerator(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void recordsTheLatencyOfEveryAnsweredRequest() throws InterruptedException {
		LoadResult result = this.generator.run(request("/ok"), 200, 4, Duration.ofMillis(500));

		assertThat(result.errors()).isZero();
		assertThat(result.latencies().getTotalCount()).isEqualTo(this.served.get()).isPositive();
		assertThat(result.throughput()).isPositive();
		assertThat(result.millis(50)).isPositive().isLessThanOrEqualTo(result.millis(99));
		assertThat(result.maxMillis()).isGreaterThanOrEqualTo(result.millis(99));
	}

	@Test
	void countsAnUnexpectedStatusAsAnError() throws InterruptedException {
		LoadResult result = this.generator.run(request("/teapot"), 200, 2, Duration.ofMillis(300));

		assertThat(result.latencies().getTotalCount()).isZero();
		assertThat(result.errors()).isEqualTo(this.served.get()).isPositive();
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path))
			.build();
	}

	private void answer(com.sun.net.httpserver.HttpExchange exchange, int status) throws IOException {
		this.served.incrementAndGet();
		byte[] body = "[]".getBytes();
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
