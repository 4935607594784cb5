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
				List.of(new LoadRow("GET /api/products", 1, result)), List.of(), null);
		StepMeasurements second = new StepMeasurements("step-2", List.of(new AppStartup("gateway", 2.5, -1, -1)),
				List.of(new LoadRow("GET /api/products", 1, result)), List.of(), null);

		BenchReport report = new BenchReport(List.of(first, second), "test run");

		assertThat(report.markdown()).contains("| step-0 | monolith | 3.1 | 150 | 180 |")
			.contains("| step-2 | gateway | 2.5 | n/a | n/a |")
			.containsPattern(
					"\\| GET /api/products \\| 1 \\| step-0 \\| \\d+ .*\\n\\| GET /api/products \\| 1 \\| step-2 \\|");
		assertThat(report.json()).contains("\"step\": \"step-0\"")
			.contains("\"launchToHealthySeconds\": 3.140")
			.contains("\"requests\": " + result.requests());
	}

	@Test
	void reportsTheOrderBatchesAndTheGatewayOverheadAgainstTheirTargets() {
		BatchResult batch = new BatchResult(1000, 16, 990, 4, 3, 3, Duration.ofSeconds(4).toNanos(),
				Duration.ofMillis(120).toNanos(), latencies(2_000_000));
		RequestComparison products = new RequestComparison("GET /api/products", "catalog-service", 200,
				rounds(1_000_000), rounds(1_800_000), rounds(100_000), rounds(250_000));
		LoadResult allFailed = new LoadResult(new Histogram(3), 200, Duration.ofSeconds(1));
		RequestComparison orders = new RequestComparison("POST /api/orders", "monolith", 12, rounds(1_000_000),
				List.of(allFailed, allFailed, allFailed, allFailed, allFailed), rounds(1_000_000), rounds(1_000_000));
		GatewayComparison gateway = new GatewayComparison(200, 16, 5, Duration.ofSeconds(1), List.of(products, orders));
		StepMeasurements step = new StepMeasurements("step-2",
				List.of(new AppStartup("gateway", 4.2, 250L << 20, 310L << 20),
						new AppStartup("monolith", 6.5, 300L << 20, 400L << 20)),
				List.of(), List.of(batch), gateway);

		BenchReport report = new BenchReport(List.of(step), "test run");

		assertThat(report.markdown()).contains("| 16 | step-2 | 1000 | 249 | 99.0% | 10 | 2.00 | 2.00 | 120 |")
			.doesNotContain("## Load")
			.contains("## step-2: gateway overhead")
			.contains(
					"| GET /api/products (catalog-service) | p50 at 200 req/s, 5 answers a side (ms) | 1.00 | 1.80 | <= 2.00 | met |")
			.contains("| | p99 at 200 req/s (ms) | 1.00 | 1.80 | <= 1.50 | **missed** |")
			.contains("| | req/s at 16 connections | 10000 | 4000 (40%) | >= 35% | met |")
			.contains("| | errors (failed or unexpected status) | 0 | 0 | 0 | met |")
			.contains(
					"| POST /api/orders (monolith) | p50 at 12 req/s, 0 answers a side (ms) | 1.00 | n/a | <= 2.00 | **missed** |")
			.contains("| | errors (failed or unexpected status) | 0 | 1000 | 0 | **missed** |")
			.contains("| gateway | 4.2 | < 6 s: met | 310 | < 300: **missed** |")
			.contains("| monolith | 6.5 | < 6 s: **missed** | 400 |  |");
		assertThat(report.json()).contains("\"completedPerSecond\": 248.5")
			.contains("\"p50Met\": true")
			.contains("\"p99Met\": false")
			.contains("\"gatewayP50Millis\": null")
			.contains("{\"app\": \"gateway\", \"startupMet\": true, \"rssMet\": false}");
	}

	/**
	 * Five rounds; each has one latency of {@code nanos} and lasts so long that its
	 * throughput is {@code 1e9 / nanos} requests per second.
	 */
	private static List<LoadResult> rounds(long nanos) {
		return List.of(round(nanos), round(nanos), round(nanos), round(nanos), round(nanos));
	}

	private static LoadResult round(long nanos) {
		return new LoadResult(latencies(nanos), 0, Duration.ofNanos(nanos));
	}

	private static Histogram latencies(long nanos) {
		Histogram histogram = new Histogram(3);
		histogram.recordValue(nanos);
		return histogram;
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
