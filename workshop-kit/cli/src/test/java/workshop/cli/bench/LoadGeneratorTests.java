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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.cli.bench.StepMeasurements.AppStartup;
import workshop.cli.bench.StepMeasurements.LoadRow;

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

	@Test
	void reportsStepsSideBySideInMarkdownAndJson() throws InterruptedException {
		LoadResult result = this.generator.run(request("/ok"), 200, 1, Duration.ofMillis(200));
		StepMeasurements first = new StepMeasurements("step-0",
				List.of(new AppStartup("monolith", 3.14, 150L << 20, 180L << 20)),
				List.of(new LoadRow("GET /api/products", 1, result)));
		StepMeasurements second = new StepMeasurements("step-2", List.of(new AppStartup("gateway", 2.5, -1, -1)),
				List.of(new LoadRow("GET /api/products", 1, result)));

		BenchReport report = new BenchReport(List.of(first, second), "test run");

		assertThat(report.markdown()).contains("| step-0 | monolith | 3.1 | 150 | 180 |")
			.contains("| step-2 | gateway | 2.5 | n/a | n/a |")
			.containsPattern(
					"\\| GET /api/products \\| 1 \\| step-0 \\| \\d+ .*\\n\\| GET /api/products \\| 1 \\| step-2 \\|");
		assertThat(report.json()).contains("\"step\": \"step-0\"")
			.contains("\"launchToHealthySeconds\": 3.140")
			.contains("\"requests\": " + result.requests());
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
