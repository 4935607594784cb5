package workshop.cli.control;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.traces.Span;
import workshop.cli.traces.Trace;

/**
 * {@code ./workshop traces [trace-id]}: the latest traces of the running step with its
 * key figures, or one trace drawn span by span, from the trace collector its apps export
 * to.
 */
@Command(name = "traces", mixinStandardHelpOptions = true,
		description = {
				"Shows the latest traces of the running step: when, the first span, the apps crossed, spans and time,",
				"then the step's key figures (as ./workshop status shows them).",
				"With a trace id (the storefront's call log shows one per call), draws that trace span by span:",
				"start offset, duration, app and span, each indented under its parent." })
public final class TracesCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
		.withZone(ZoneId.systemDefault());

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "0..1", paramLabel = "<trace-id>", description = "A trace's id: 32 hex digits.")
	private String traceId;

	@Option(names = "--last", paramLabel = "N", defaultValue = "10",
			description = "How many of the latest traces to list (default: ${DEFAULT-VALUE}).")
	private int last;

	@Override
	public Integer call() {
		if (this.traceId != null && !this.traceId.matches("[0-9a-f]{32}")) {
			throw new WorkshopException("'" + this.traceId + "' is no trace id: it has 32 hex digits, such as the"
					+ " ones ./workshop traces lists.");
		}
		if (this.last < 1) {
			throw new WorkshopException("--last must be 1 or more.");
		}
		ControlClient client = ControlClient.of(this.parent.workspace());
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.traceId != null) {
			TracesAnswer answer = client.trace(this.traceId);
			draw(answer.traces().get(0), out);
			out.println("Page: " + answer.pages() + this.traceId);
		}
		else {
			TracesAnswer answer = client.traces(this.last);
			list(answer, client.step(), out);
			List<StepStatus.Figures> figures = client.status().figures();
			if (!figures.isEmpty()) {
				out.println();
				new StatusView(Terminal.detect()).figures(figures).forEach(out::println);
			}
		}
		out.flush();
		return 0;
	}

	private static void list(TracesAnswer answer, String step, PrintWriter out) {
		if (answer.traces().isEmpty()) {
			out.println(
					"No trace from " + step + " yet: use the shop (its apps send spans every second), then ask again.");
			return;
		}
		out.printf(Locale.ROOT, "%-12s  %-32s  %5s  %9s  %s%n", "started", "trace", "spans", "time",
				"first span; apps");
		for (Trace trace : answer.traces()) {
			Span root = trace.root();
			out.printf(Locale.ROOT, "%-12s  %-32s  %5d  %6.1f ms  %s %s; %s%s%n",
					TIME.format(Instant.ofEpochSecond(0, trace.startNanos())), trace.traceId(), trace.spans().size(),
					trace.millis(), root.service(), root.name(), String.join(" -> ", trace.services()),
					trace.hasError() ? " (error)" : "");
		}
		out.println("One trace: ./workshop traces <trace>. Pages: " + answer.pages());
	}

	private static void draw(Trace trace, PrintWriter out) {
		out.printf(Locale.ROOT, "Trace %s: %d spans, %.1f ms, %s%n", trace.traceId(), trace.spans().size(),
				trace.millis(), String.join(" -> ", trace.services()));
		out.printf(Locale.ROOT, "%9s  %9s  %-18s %s%n", "at", "took", "app", "span");
		for (Trace.Line line : trace.lines()) {
			Span span = line.span();
			out.printf(Locale.ROOT, "%6.1f ms  %6.1f ms  %-18s %s%s [%s]%s%n",
					(span.startNanos() - trace.startNanos()) / 1_000_000.0, span.millis(), span.service(),
					"  ".repeat(line.depth()), span.name(), span.kind().toLowerCase(Locale.ROOT),
					span.error() ? " ERROR" : "");
		}
	}

}
