package workshop.cli.control;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import workshop.cli.Terminal;
import workshop.cli.control.StepStatus.AppStatus;
import workshop.cli.control.StepStatus.DeadLetterStatus;
import workshop.cli.control.StepStatus.DeadLetterTopic;
import workshop.cli.control.PrometheusText.Sample;
import workshop.cli.control.StepStatus.Detail;
import workshop.cli.control.StepStatus.Figures;
import workshop.cli.control.StepStatus.ServerStatus;

/**
 * Prints a {@link StepStatus} as tables a presenter can read from the back of the room:
 * one line per app and per server, the dead letters waiting on the step's broker, the key
 * figures of its apps, then what the step adds.
 */
final class StatusView {

	private final Terminal terminal;

	/** A metric of more series than this shows only its largest value. */
	private static final int MAX_SERIES = 4;

	StatusView(Terminal terminal) {
		this.terminal = terminal;
	}

	void print(StepStatus status, PrintWriter out) {
		out.println(this.terminal.bold(status.step() + " (" + status.title() + ")") + "   front door "
				+ status.frontDoor());
		out.println(
				(status.data() != null) ? "data: " + status.data() + " (kept between runs; ./workshop clean removes it)"
						: "data: deleted when the run ends");
		if (status.traces() != null) {
			out.println("traces: " + status.traces() + " (./workshop traces prints them)");
		}
		out.println();
		List<List<String>> apps = new ArrayList<>();
		apps.add(List.of("APP", "STATE", "PID", "LISTENS ON", "HEALTH", "UPTIME", "RSS", ""));
		for (AppStatus app : status.apps()) {
			apps.add(List.of(app.name(), app.state(), pid(app.pid()), listening(app), health(app),
					uptime(app.uptimeSeconds()), megabytes(app.rssBytes()),
					(app.lastExitCode() != null && app.pid() < 0) ? "last exit code " + app.lastExitCode() : ""));
		}
		printTable(apps, out);
		if (!status.servers().isEmpty()) {
			out.println();
			List<List<String>> servers = new ArrayList<>();
			servers.add(List.of("SERVER", "STATE", "PID", "ADDRESS", ""));
			for (ServerStatus server : status.servers()) {
				servers
					.add(List.of(server.name(), server.state(), pid(server.pid()), server.address(), server.detail()));
			}
			printTable(servers, out);
		}
		if (status.deadLetters() != null) {
			out.println();
			deadLetters(status.deadLetters()).forEach(out::println);
		}
		if (!status.figures().isEmpty()) {
			out.println();
			figures(status.figures()).forEach(out::println);
		}
		for (Detail detail : status.details()) {
			out.println();
			out.println(this.terminal.bold(detail.app() + " " + detail.path()));
			if (detail.value() == null) {
				out.println("  (" + detail.error() + ")");
			}
			else {
				describe(detail.value()).forEach((line) -> out.println("  " + line));
			}
		}
		out.flush();
	}

	/**
	 * The section on dead letters: a heading, then one line per dead-letter topic, such
	 * as {@code inventory.reserve-stock.DLT  1 waiting  (./workshop replay
	 * inventory.reserve-stock.DLT)}; {@code none} when the broker has none, or one line
	 * saying why they are not known.
	 */
	List<String> deadLetters(DeadLetterStatus deadLetters) {
		List<String> lines = new ArrayList<>();
		lines.add("DEAD LETTERS");
		if (deadLetters.error() != null) {
			lines.add(this.terminal.yellow(deadLetters.error()));
			return lines;
		}
		if (deadLetters.topics().isEmpty()) {
			lines.add("none");
			return lines;
		}
		List<List<String>> topics = new ArrayList<>();
		for (DeadLetterTopic topic : deadLetters.topics()) {
			String waiting = topic.waiting() + " waiting";
			topics.add((topic.waiting() > 0)
					? List.of(topic.name(), this.terminal.yellow(waiting), "(./workshop replay " + topic.name() + ")")
					: List.of(topic.name(), waiting, ""));
		}
		lines.addAll(table(topics));
		return lines;
	}

	/**
	 * The section on the key figures: a heading, then one line per series of each metric
	 * the manifest names, such as {@code order-service shop_orders{status=CONFIRMED} 42}.
	 * A metric of more than {@value #MAX_SERIES} series (a consumer's lag per client) is
	 * one line, its largest value; a value not known yet (NaN) is {@code -}; an app that
	 * does not answer is one line that says why.
	 */
	List<String> figures(List<Figures> figures) {
		List<String> lines = new ArrayList<>();
		lines.add("KEY FIGURES");
		List<List<String>> rows = new ArrayList<>();
		for (Figures app : figures) {
			if (app.error() != null) {
				rows.add(List.of(app.app(), this.terminal.yellow("(" + app.error() + ")"), ""));
				continue;
			}
			Map<String, List<Sample>> byName = new LinkedHashMap<>();
			app.samples()
				.forEach((sample) -> byName.computeIfAbsent(sample.name(), (name) -> new ArrayList<>()).add(sample));
			byName.forEach((name, series) -> {
				if (series.size() > MAX_SERIES) {
					// A consumer that has fetched nothing yet reports NaN: it is behind
					// by nothing known.
					double max = series.stream()
						.mapToDouble(Sample::value)
						.filter((value) -> !Double.isNaN(value))
						.max()
						.orElse(Double.NaN);
					rows.add(List.of(app.app(), name, number(max) + " (largest of " + series.size() + " series)"));
				}
				else {
					series.forEach(
							(sample) -> rows.add(List.of(app.app(), name + labels(sample), number(sample.value()))));
				}
			});
		}
		if (!rows.isEmpty()) {
			lines.addAll(table(rows));
		}
		return lines;
	}

	private static String labels(Sample sample) {
		if (sample.labels().isEmpty()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		sample.labels().forEach((label, value) -> parts.add(label + "=" + value));
		return "{" + String.join(",", parts) + "}";
	}

	private static String number(double value) {
		if (Double.isNaN(value)) {
			return "-";
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? String.valueOf((long) value)
				: String.format(Locale.ROOT, "%.3f", value);
	}

	/** {@code 127.0.0.1:8082} for loopback only, {@code *:8080} for every interface. */
	private static String listening(AppStatus app) {
		if (app.listening().isEmpty()) {
			return String.valueOf(app.port());
		}
		boolean everywhere = app.listening()
			.stream()
			.anyMatch((address) -> address.equals("0.0.0.0") || address.equals("::"));
		return everywhere ? "*:" + app.port() : app.listening().get(0) + ":" + app.port();
	}

	private String health(AppStatus app) {
		if (app.pid() < 0) {
			return "-";
		}
		return switch (app.health()) {
			case 200 -> this.terminal.green("UP");
			case 0 -> this.terminal.yellow("no answer");
			default -> this.terminal.red("DOWN (" + app.health() + ")");
		};
	}

	/**
	 * One line per element of a list, one per field of an object: a route's policy reads
	 * {@code catalog  weight 50  parallelRun false  fallback none}.
	 */
	static List<String> describe(JsonNode value) {
		List<String> lines = new ArrayList<>();
		if (value.isArray()) {
			value.forEach((element) -> lines.add(oneLine(element)));
		}
		else if (value.isObject()) {
			for (Map.Entry<String, JsonNode> field : value.properties()) {
				lines.add(field.getKey() + "  " + oneLine(field.getValue()));
			}
		}
		else {
			lines.add(value.asString());
		}
		return lines;
	}

	private static String oneLine(JsonNode value) {
		if (!value.isObject()) {
			return value.isValueNode() ? value.asString() : value.toString();
		}
		List<String> parts = new ArrayList<>();
		boolean labelled = false;
		for (Map.Entry<String, JsonNode> field : value.properties()) {
			JsonNode fieldValue = field.getValue();
			if (!labelled && fieldValue.isString()) {
				parts.add(fieldValue.asString());
			}
			else {
				parts.add(field.getKey() + " "
						+ (fieldValue.isValueNode() ? fieldValue.asString() : fieldValue.toString()));
			}
			labelled = true;
		}
		return String.join("  ", parts);
	}

	private static void printTable(List<List<String>> rows, PrintWriter out) {
		table(rows).forEach(out::println);
	}

	private static List<String> table(List<List<String>> rows) {
		List<String> lines = new ArrayList<>();
		int columns = rows.get(0).size();
		int[] widths = new int[columns];
		for (List<String> row : rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], Terminal.visibleLength(row.get(i)));
			}
		}
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < columns; i++) {
				line.append(row.get(i));
				if (i < columns - 1) {
					line.append(" ".repeat(widths[i] - Terminal.visibleLength(row.get(i)) + 2));
				}
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

	private static String pid(long pid) {
		return (pid < 0) ? "-" : String.valueOf(pid);
	}

	private static String uptime(long seconds) {
		if (seconds < 0) {
			return "-";
		}
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m " + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h " + (seconds % 3600 / 60) + "m";
	}

	private static String megabytes(long bytes) {
		return (bytes < 0) ? "-" : String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
	}

}
