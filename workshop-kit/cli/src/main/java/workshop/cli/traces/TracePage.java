package workshop.cli.traces;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The trace pages: plain HTML drawn on the server, no script. A trace is a waterfall, one
 * row per span, indented under its parent, its bar placed on the trace's time line.
 */
final class TracePage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
		.withZone(ZoneId.systemDefault());

	private static final String STYLE = """
			body { font: 14px/1.4 system-ui, "Noto Sans KR", sans-serif; margin: 1.5rem; color: #1d2433; }
			h1 { font-size: 1.2rem; } code { font-size: 0.9em; }
			table { border-collapse: collapse; width: 100%; table-layout: fixed; }
			td, th { padding: 0.2rem 0.5rem; border-bottom: 1px solid #e3e6ec; text-align: left;
			  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
			.service { width: 11rem; } .ms { width: 5.5rem; text-align: right; } .bar-cell { width: 30%; }
			.bar { height: 0.8rem; background: #3b6fd8; border-radius: 2px; min-width: 2px; }
			.error .bar { background: #c8382b; } .error td { color: #a12a1f; }
			.kind { color: #6b7385; font-size: 0.8em; margin-left: 0.4rem; }
			""";

	private TracePage() {
	}

	/**
	 * Draws one trace.
	 * @param trace the trace
	 * @return the page
	 */
	static Html trace(Trace trace) {
		StringBuilder rows = new StringBuilder();
		double total = Math.max(trace.millis(), 0.001);
		for (Trace.Line line : trace.lines()) {
			Span span = line.span();
			double offset = (span.startNanos() - trace.startNanos()) / 1_000_000.0;
			rows.append(String.format(Locale.ROOT,
					"<tr class=\"%s\"><td class=\"service\">%s</td><td style=\"padding-left:%.1frem\">%s"
							+ "<span class=\"kind\">%s</span></td><td class=\"ms\">%.1f ms</td>"
							+ "<td class=\"bar-cell\"><div class=\"bar\" style=\"margin-left:%.1f%%;width:%.1f%%\"></div></td></tr>%n",
					span.error() ? "error" : "", escape(span.service()), 0.5 + line.depth() * 0.8, escape(span.name()),
					span.kind(), span.millis(), offset / total * 100, span.millis() / total * 100));
		}
		String body = String.format(Locale.ROOT,
				"<h1>Trace <code>%s</code></h1><p>%d spans, %.1f ms, %s, started %s. <a href=\"./\">Latest traces</a></p>"
						+ "<table><tr><th class=\"service\">app</th><th>span</th><th class=\"ms\">time</th>"
						+ "<th class=\"bar-cell\"></th></tr>%n%s</table>",
				escape(trace.traceId()), trace.spans().size(), trace.millis(),
				escape(String.join(" \u2192 ", trace.services())), TIME.format(instant(trace.startNanos())), rows);
		return new Html(200, page("Trace " + trace.traceId(), body));
	}

	/**
	 * Lists the latest traces, each linked to its page.
	 * @param traces the traces, latest first
	 * @return the page
	 */
	static Html list(List<Trace> traces) {
		StringBuilder rows = new StringBuilder();
		for (Trace trace : traces) {
			Span root = trace.root();
			rows.append(String.format(Locale.ROOT,
					"<tr class=\"%s\"><td class=\"ms\">%s</td><td><a href=\"%s\">%s %s</a></td><td>%s</td>"
							+ "<td class=\"ms\">%d</td><td class=\"ms\">%.1f ms</td></tr>%n",
					trace.hasError() ? "error" : "", TIME.format(instant(trace.startNanos())), escape(trace.traceId()),
					escape(root.service()), escape(root.name()), escape(String.join(" \u2192 ", trace.services())),
					trace.spans().size(), trace.millis()));
		}
		String body = "<h1>Latest traces</h1>" + (traces.isEmpty() ? "<p>No trace yet: use the shop, then reload.</p>"
				: "<table><tr><th class=\"ms\">started</th><th>first span</th><th>apps</th>"
						+ "<th class=\"ms\">spans</th><th class=\"ms\">time</th></tr>\n" + rows + "</table>");
		return new Html(200, page("Latest traces", body));
	}

	/**
	 * Says that a trace is not here.
	 * @param traceId the id asked for
	 * @return a 404 page
	 */
	static Html missing(String traceId) {
		return new Html(404, page("No such trace", "<h1>No trace <code>" + escape(traceId) + "</code></h1><p>"
				+ "Its spans have not arrived (apps send them every second or so: reload), or it is older than the "
				+ TraceStore.MAX_TRACES + " latest traces. <a href=\"./\">Latest traces</a></p>"));
	}

	private static String page(String title, String body) {
		return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>" + STYLE
				+ "</style></head><body>" + body + "</body></html>";
	}

	private static Instant instant(long epochNanos) {
		return Instant.ofEpochSecond(0, epochNanos);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * A page to send.
	 *
	 * @param status its HTTP status
	 * @param body the HTML
	 */
	record Html(int status, String body) {

	}

}
