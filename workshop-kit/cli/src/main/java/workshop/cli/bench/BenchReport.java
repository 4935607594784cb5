package workshop.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import workshop.cli.bench.Table.Row;
import workshop.cli.manifest.Step;

/**
 * Writes the benchmark's measurements as one Markdown report: each app's start and
 * memory, then one table per measure, where the rows of every step that measure the same
 * thing sit next to each other.
 */
final class BenchReport {

	/** The start target of every app of a step that sets it, in seconds. */
	static final String STARTUP_TARGET = "app-startup-seconds";

	/** The memory target of a step's gateway, in MiB, as the report prints memory. */
	static final String GATEWAY_RSS_TARGET = "gateway-rss-mb";

	/** The memory target of a whole step, its apps and its servers, in MiB. */
	static final String STEP_RSS_TARGET = "step-rss-mb";

	private final List<StepResult> steps;

	private final String context;

	/**
	 * Creates the report.
	 * @param steps what each step measured, in the order the steps were given
	 * @param context one line on how it was measured (machine, JDK, durations)
	 */
	BenchReport(List<StepResult> steps, String context) {
		this.steps = steps;
		this.context = context;
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark\n\n").append(this.context).append("\n\n");
		md.append("## Start and memory\n\n");
		md.append("| step | app | launch to healthy (s) | RSS healthy (MB) | RSS after load (MB) | target |\n");
		md.append("|---|---|---:|---:|---:|---|\n");
		for (StepResult step : this.steps) {
			for (AppStartup app : step.startups()) {
				md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %s |%n", step.step().id(), app.app(),
						app.seconds(), megabytes(app.rssHealthyBytes()), megabytes(app.rssAfterLoadBytes()),
						startupTargets(step.step(), app)));
			}
			for (ServerMemory server : step.servers()) {
				md.append(String.format(Locale.ROOT, "| %s | %s (server, PSS) | n/a | %s | %s |  |%n", step.step().id(),
						server.server(), megabytes(server.healthyBytes()), megabytes(server.afterLoadBytes())));
			}
			if (!step.servers().isEmpty()) {
				md.append(wholeStep(step));
			}
		}
		Map<String, List<Labelled>> tables = new LinkedHashMap<>();
		for (StepResult step : this.steps) {
			for (Table table : step.tables()) {
				tables.computeIfAbsent(table.title(), (title) -> new ArrayList<>())
					.add(new Labelled(step.step().id(), table));
			}
		}
		tables.values().forEach((parts) -> md.append(table(parts)));
		return md.toString();
	}

	/** One table from the parts of every step, the rows of one key next to each other. */
	private static String table(List<Labelled> parts) {
		Table first = parts.get(0).table();
		StringBuilder md = new StringBuilder("\n## ").append(first.title()).append("\n\n");
		md.append(first.explanation()).append("\n\n");
		List<String> header = new ArrayList<>(first.keyColumns());
		header.add("step");
		header.addAll(first.valueColumns());
		md.append("| ").append(String.join(" | ", header)).append(" |\n|");
		for (int i = 0; i < header.size(); i++) {
			md.append((i <= first.keyColumns().size()) ? "---|" : "---:|");
		}
		md.append('\n');
		Map<List<String>, List<String>> lines = new LinkedHashMap<>();
		for (Labelled part : parts) {
			for (Row row : part.table().rows()) {
				List<String> cells = new ArrayList<>(row.keys());
				cells.add(part.step());
				cells.addAll(row.values());
				lines.computeIfAbsent(row.keys(), (keys) -> new ArrayList<>())
					.add("| " + String.join(" | ", cells) + " |\n");
			}
		}
		lines.values().forEach((rows) -> rows.forEach(md::append));
		return md.toString();
	}

	private static String startupTargets(Step step, AppStartup app) {
		List<String> verdicts = new ArrayList<>();
		Double seconds = step.bench().targets().get(STARTUP_TARGET);
		if (seconds != null) {
			verdicts.add(String.format(Locale.ROOT, "start < %.0f s: %s", seconds,
					GatewayTargets.verdict(app.seconds() < seconds)));
		}
		Double rssMegabytes = step.bench().targets().get(GATEWAY_RSS_TARGET);
		if (rssMegabytes != null && GatewayOverhead.GATEWAY.equals(app.app())) {
			long rss = app.largestRss();
			boolean met = rss >= 0 && rss < rssMegabytes * 1024 * 1024;
			verdicts.add(String.format(Locale.ROOT, "RSS < %.0f MB: %s", rssMegabytes, GatewayTargets.verdict(met)));
		}
		return String.join("; ", verdicts);
	}

	/**
	 * The sum of every app and server of a step, checked against its memory target:
	 * unknown when one of them is.
	 */
	private static String wholeStep(StepResult step) {
		long healthy = 0;
		long afterLoad = 0;
		for (AppStartup app : step.startups()) {
			healthy = sum(healthy, app.rssHealthyBytes());
			afterLoad = sum(afterLoad, app.rssAfterLoadBytes());
		}
		for (ServerMemory server : step.servers()) {
			healthy = sum(healthy, server.healthyBytes());
			afterLoad = sum(afterLoad, server.afterLoadBytes());
		}
		String verdict = "";
		Double target = step.step().bench().targets().get(STEP_RSS_TARGET);
		if (target != null) {
			long largest = Math.max(healthy, afterLoad);
			boolean met = healthy >= 0 && afterLoad >= 0 && largest < target * 1024 * 1024;
			verdict = String.format(Locale.ROOT, "total < %.0f MB: %s", target, GatewayTargets.verdict(met));
		}
		return String.format(Locale.ROOT, "| %s | **all processes** | n/a | **%s** | **%s** | %s |%n", step.step().id(),
				megabytes(healthy), megabytes(afterLoad), verdict);
	}

	private static long sum(long total, long bytes) {
		return (total < 0 || bytes < 0) ? -1 : total + bytes;
	}

	static String megabytes(long bytes) {
		return (bytes < 0) ? "n/a" : String.format(Locale.ROOT, "%.0f", bytes / (1024.0 * 1024.0));
	}

	/**
	 * What one step measured.
	 *
	 * @param step the step
	 * @param startups one entry per app
	 * @param servers one entry per server the step started
	 * @param tables one per measure, in the order they ran
	 */
	record StepResult(Step step, List<AppStartup> startups, List<ServerMemory> servers, List<Table> tables) {

	}

	private record Labelled(String step, Table table) {

	}

}
