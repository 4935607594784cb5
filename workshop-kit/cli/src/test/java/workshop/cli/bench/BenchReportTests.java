package workshop.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import workshop.cli.bench.BenchReport.StepResult;
import workshop.cli.manifest.BenchPlan;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Markdown report: steps side by side, each measure's table once, targets as the
 * manifest sets them.
 */
class BenchReportTests {

	@Test
	void putsTheRowsOfEveryStepThatMeasureTheSameThingNextToEachOther() {
		LoadResult fast = round(1_000_000);
		LoadResult slow = round(4_000_000);
		StepResult first = new StepResult(step("step-0", Map.of()),
				List.of(new AppStartup("monolith", 3.14, 150L << 20, 180L << 20)), List.of(),
				List.of(ClosedLoop.table(List.of(ClosedLoop.row("GET /api/products", 1, fast),
						ClosedLoop.row("GET /api/products", 16, fast)))));
		StepResult second = new StepResult(step("step-1", Map.of()), List.of(new AppStartup("monolith", 2.5, -1, -1)),
				List.of(), List.of(ClosedLoop.table(List.of(ClosedLoop.row("GET /api/products", 1, slow),
						ClosedLoop.row("GET /api/products", 16, slow)))));

		String report = new BenchReport(List.of(first, second), "test run").markdown();

		assertThat(report).contains("| step-0 | monolith | 3.1 | 150 | 180 |  |")
			.contains("| step-1 | monolith | 2.5 | n/a | n/a |  |")
			.contains("| request | connections | step | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors |\n"
					+ "|---|---|---|---:|---:|---:|---:|---:|\n"
					+ "| GET /api/products | 1 | step-0 | 1000 | 1.00 | 1.00 | 1.0 | 0 |\n"
					+ "| GET /api/products | 1 | step-1 | 250 | 4.00 | 4.00 | 4.0 | 0 |\n"
					+ "| GET /api/products | 16 | step-0 | 1000 |");
		assertThat(report.indexOf("## " + ClosedLoop.TITLE)).isEqualTo(report.lastIndexOf("## " + ClosedLoop.TITLE));
	}

	@Test
	void checksTheGatewayAndTheStartAgainstTheTargetsOfTheManifest() {
		BatchResult batch = new BatchResult(1000, 16, 990, 4, 3, 3, Duration.ofSeconds(4).toNanos(),
				Duration.ofMillis(120).toNanos(), latencies(2_000_000));
		RequestComparison products = new RequestComparison("GET /api/products", "catalog-service", 200,
				rounds(1_000_000), rounds(1_800_000), rounds(100_000), rounds(250_000));
		LoadResult allFailed = new LoadResult(new Histogram(3), 200, Duration.ofSeconds(1));
		RequestComparison orders = new RequestComparison("POST /api/orders", "monolith", 12, rounds(1_000_000),
				List.of(allFailed, allFailed, allFailed, allFailed, allFailed), rounds(1_000_000), rounds(1_000_000));
		Step step = step("step-2", Map.of(BenchReport.STARTUP_TARGET, 6.0, BenchReport.GATEWAY_RSS_TARGET, 300.0));
		StepResult result = new StepResult(step,
				List.of(new AppStartup("gateway", 4.2, 250L << 20, 310L << 20),
						new AppStartup("monolith", 6.5, 300L << 20, 400L << 20)),
				List.of(), List.of(CompletedOrders.table(List.of(CompletedOrders.row(batch))), ThroughTheGateway.table(
						"Interleaved rounds.", List.of(products, orders), 16, new GatewayTargets(1, 0.25, 1.5, 0.35))));

		String report = new BenchReport(List.of(result), "test run").markdown();

		assertThat(report).contains("| 16 | step-2 | 1000 | 249 | 99.0% | 10 | 2.00 | 2.00 | 120 |")
			.doesNotContain("## Load")
			.contains("## Gateway overhead")
			.contains("| GET /api/products (catalog-service) | p50 at 200 req/s, 5 answers a side (ms) | step-2 | 1.00 "
					+ "| 1.80 | <= 2.00 | met |")
			.contains("| GET /api/products (catalog-service) | p99 at 200 req/s (ms) | step-2 | 1.00 | 1.80 | <= 1.50 "
					+ "| **missed** |")
			.contains("| req/s at 16 connections | step-2 | 10000 | 4000 (40%) | >= 35% | met |")
			.contains("| POST /api/orders (monolith) | p50 at 12 req/s, 0 answers a side (ms) | step-2 | 1.00 | n/a "
					+ "| <= 2.00 | **missed** |")
			.contains("| POST /api/orders (monolith) | errors (failed or unexpected status) | step-2 | 0 | 1000 | 0 "
					+ "| **missed** |")
			.contains("| step-2 | gateway | 4.2 | 250 | 310 | start < 6 s: met; RSS < 300 MB: **missed** |")
			.contains("| step-2 | monolith | 6.5 | 300 | 400 | start < 6 s: **missed** |");
	}

	@Test
	void addsTheServersAndTheWholeStepAgainstItsMemoryTarget() {
		Step step = step("step-4", Map.of(BenchReport.STEP_RSS_TARGET, 1000.0));
		StepResult result = new StepResult(step,
				List.of(new AppStartup("gateway", 4.0, 200L << 20, 250L << 20),
						new AppStartup("order-service", 9.0, 350L << 20, 400L << 20)),
				List.of(new ServerMemory("postgres", 100L << 20, 150L << 20),
						new ServerMemory("kafka", 300L << 20, 330L << 20)),
				List.of());
		StepResult external = new StepResult(step("step-3", Map.of(BenchReport.STEP_RSS_TARGET, 1000.0)),
				List.of(new AppStartup("monolith", 6.0, 300L << 20, 320L << 20)),
				List.of(new ServerMemory("postgres", -1, -1)), List.of());

		String report = new BenchReport(List.of(result, external), "test run").markdown();

		assertThat(report)
			.contains("| step-4 | postgres (server, PSS) | n/a | 100 | 150 |  |\n"
					+ "| step-4 | kafka (server, PSS) | n/a | 300 | 330 |  |\n"
					+ "| step-4 | **all processes** | n/a | **950** | **1130** | total < 1000 MB: **missed** |")
			.contains("| step-3 | **all processes** | n/a | **n/a** | **n/a** | total < 1000 MB: **missed** |");
	}

	private static Step step(String id, Map<String, Double> targets) {
		return new Step(id, id, "", InfraNeeds.NONE, "http://localhost:8080/", List.of(), Map.of(),
				new BenchPlan(List.of("read-products"), targets));
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

}
