package workshop.cli.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import workshop.cli.bench.StepMeasurements.AppStartup;
import workshop.cli.bench.StepMeasurements.LoadRow;

/**
 * Writes the benchmark's measurements as a Markdown report (steps side by side: the rows
 * of each request and concurrency are adjacent) and as JSON for tools.
 */
final class BenchReport {

	private final List<StepMeasurements> steps;

	private final String context;

	/**
	 * Creates the report.
	 * @param steps the measurements, in the order the steps were given
	 * @param context one line on how it was measured (machine, JDK, durations)
	 */
	BenchReport(List<StepMeasurements> steps, String context) {
		this.steps = steps;
		this.context = context;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark\n\n").append(this.context).append("\n\n");
		md.append("## Start and memory\n\n");
		md.append("| step | app | launch to healthy (s) | RSS healthy (MB) | RSS after load (MB) |\n");
		md.append("|---|---|---:|---:|---:|\n");
		for (StepMeasurements step : this.steps) {
			for (AppStartup app : step.startups()) {
				md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s |%n", step.step(), app.app(),
						app.seconds(), megabytes(app.rssHealthyBytes()), megabytes(app.rssAfterLoadBytes())));
			}
		}
		// With --gateway-only a step has no front-door rows and no batches.
		if (!rows().isEmpty()) {
			md.append(loadsMarkdown());
		}
		if (this.steps.stream().anyMatch((step) -> !step.batches().isEmpty())) {
			md.append(batchesMarkdown());
		}
		for (StepMeasurements step : this.steps) {
			if (step.gateway() != null) {
				md.append(GatewayOverheadReport.markdown(step));
			}
		}
		return md.toString();
	}

	private String loadsMarkdown() {
		StringBuilder md = new StringBuilder("\n## Load (closed loop, front door)\n\n");
		md.append("| request | connections | step | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors |\n");
		md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
		for (Row row : rows()) {
			LoadResult result = row.load().result();
			md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.2f | %.2f | %.1f | %d |%n",
					row.load().request(), row.load().connections(), row.step(), result.throughput(), result.millis(50),
					result.millis(99), result.maxMillis(), result.errors()));
		}
		md.append("\n\"")
			.append(BenchCommand.ORDER_TO_FINAL_STATUS)
			.append("\" is what a customer waits for ")
			.append("(it reads the order every 5 ms); at 1 connection it is the latency of placing an order. ")
			.append("The shop's capacity is in the next table.\n");
		return md.toString();
	}

	private String batchesMarkdown() {
		StringBuilder md = new StringBuilder("\n## Orders completed per second (batch)\n\n");
		md.append("N orders placed back to back with C connections (POST only, one unit each), then every order ")
			.append("still PENDING read once per 50 ms round until final; completed/s = N / (last order seen final ")
			.append("- first POST sent). N comes from probe batches, to last about one run's duration. ")
			.append("Errors: orders not CONFIRMED (another status, failed, or pending at the deadline).\n\n");
		md.append("| connections (C) | step | orders (N) | completed/s | CONFIRMED | errors | POST p50 (ms) ")
			.append("| POST p99 (ms) | last final after last POST (ms) |\n");
		md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
		List<BatchRow> rows = new ArrayList<>();
		for (StepMeasurements step : this.steps) {
			step.batches().forEach((batch) -> rows.add(new BatchRow(step.step(), batch)));
		}
		rows.sort(Comparator.comparingInt((BatchRow row) -> row.batch().connections()));
		for (BatchRow row : rows) {
			BatchResult batch = row.batch();
			md.append(String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.1f%% | %d | %.2f | %.2f | %.0f |%n",
					batch.connections(), row.step(), batch.orders(), batch.completedPerSecond(),
					100 * batch.confirmedShare(), batch.errors(), batch.postMillis(50), batch.postMillis(99),
					batch.drainNanos() / 1e6));
		}
		return md.toString();
	}

	String json() {
		StringBuilder json = new StringBuilder();
		json.append("{\n  \"context\": ").append(quote(this.context)).append(",\n  \"steps\": [");
		for (int s = 0; s < this.steps.size(); s++) {
			StepMeasurements step = this.steps.get(s);
			json.append((s > 0) ? "," : "")
				.append("\n    {\"step\": ")
				.append(quote(step.step()))
				.append(", \"apps\": [");
			for (int a = 0; a < step.startups().size(); a++) {
				AppStartup app = step.startups().get(a);
				json.append((a > 0) ? ", " : "")
					.append(String.format(Locale.ROOT,
							"{\"app\": %s, \"launchToHealthySeconds\": %.3f, \"rssHealthyBytes\": %d, \"rssAfterLoadBytes\": %d}",
							quote(app.app()), app.seconds(), app.rssHealthyBytes(), app.rssAfterLoadBytes()));
			}
			json.append("], \"loads\": [");
			for (int l = 0; l < step.loads().size(); l++) {
				LoadRow load = step.loads().get(l);
				LoadResult result = load.result();
				json.append((l > 0) ? "," : "")
					.append(String.format(Locale.ROOT,
							"%n      {\"request\": %s, \"connections\": %d, \"requests\": %d, \"errors\": %d, "
									+ "\"seconds\": %.3f, \"requestsPerSecond\": %.1f, \"p50Millis\": %.3f, "
									+ "\"p99Millis\": %.3f, \"maxMillis\": %.3f}",
							quote(load.request()), load.connections(), result.requests(), result.errors(),
							result.elapsed().toNanos() / 1e9, result.throughput(), result.millis(50), result.millis(99),
							result.maxMillis()));
			}
			json.append("], \"batches\": [");
			for (int b = 0; b < step.batches().size(); b++) {
				BatchResult batch = step.batches().get(b);
				json.append((b > 0) ? "," : "")
					.append(String.format(Locale.ROOT,
							"%n      {\"connections\": %d, \"orders\": %d, \"completedPerSecond\": %.1f, "
									+ "\"confirmed\": %d, \"otherFinal\": %d, \"stillPending\": %d, \"failed\": %d, "
									+ "\"spanSeconds\": %.3f, \"drainMillis\": %.1f, \"postP50Millis\": %.3f, "
									+ "\"postP99Millis\": %.3f}",
							batch.connections(), batch.orders(), batch.completedPerSecond(), batch.confirmed(),
							batch.otherFinal(), batch.stillPending(), batch.failed(), batch.spanSeconds(),
							batch.drainNanos() / 1e6, batch.postMillis(50), batch.postMillis(99)));
			}
			json.append("]");
			if (step.gateway() != null) {
				json.append(GatewayOverheadReport.json(step));
			}
			json.append("}");
		}
		json.append("\n  ]\n}\n");
		return json.toString();
	}

	/**
	 * The load rows of every step, ordered so that the steps of one request and
	 * concurrency are adjacent.
	 */
	private List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		for (int s = 0; s < this.steps.size(); s++) {
			for (LoadRow load : this.steps.get(s).loads()) {
				rows.add(new Row(s, this.steps.get(s).step(), load));
			}
		}
		rows.sort(Comparator.comparing((Row row) -> row.load().request())
			.thenComparingInt((row) -> row.load().connections())
			.thenComparingInt(Row::order));
		return rows;
	}

	static String megabytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	private record Row(int order, String step, LoadRow load) {

	}

	private record BatchRow(String step, BatchResult batch) {

	}

}
