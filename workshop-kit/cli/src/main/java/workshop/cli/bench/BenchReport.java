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
		md.append("\n## Load (closed loop, front door)\n\n");
		md.append("| request | connections | step | requests/s | p50 (ms) | p99 (ms) | max (ms) | errors |\n");
		md.append("|---|---:|---|---:|---:|---:|---:|---:|\n");
		for (Row row : rows()) {
			LoadResult result = row.load().result();
			md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.2f | %.2f | %.1f | %d |%n",
					row.load().request(), row.load().connections(), row.step(), result.throughput(), result.millis(50),
					result.millis(99), result.maxMillis(), result.errors()));
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
			json.append("]}");
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

	private static String megabytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
	}

	private static String quote(String text) {
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

}
