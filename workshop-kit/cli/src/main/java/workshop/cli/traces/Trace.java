package workshop.cli.traces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The spans of one trace received so far, from every app. Spans arrive in batches, each
 * app on its own schedule, so a trace may still grow, and a span whose parent has not
 * arrived (or never will) is drawn at the top level.
 *
 * @param traceId the trace's id
 * @param spans its spans, in start order
 */
public record Trace(String traceId, List<Span> spans) {

	/**
	 * Creates a trace, putting its spans in start order.
	 * @param traceId the trace's id
	 * @param spans its spans, in any order
	 */
	public Trace {
		spans = spans.stream().sorted(Comparator.comparingLong(Span::startNanos)).toList();
	}

	/**
	 * Returns the span that starts the trace: the one without a parent, else the first.
	 * @return the root span
	 */
	public Span root() {
		return this.spans.stream().filter(Span::startsTrace).findFirst().orElse(this.spans.get(0));
	}

	/**
	 * Returns when the trace started.
	 * @return nanoseconds since the epoch
	 */
	public long startNanos() {
		return this.spans.get(0).startNanos();
	}

	/**
	 * Returns the time from its first start to its last end.
	 * @return milliseconds
	 */
	public double millis() {
		long end = this.spans.stream().mapToLong(Span::endNanos).max().orElse(startNanos());
		return (end - startNanos()) / 1_000_000.0;
	}

	/**
	 * Returns the apps it crossed.
	 * @return their names, in the order the trace reached them
	 */
	public List<String> services() {
		Set<String> services = new LinkedHashSet<>();
		this.spans.forEach((span) -> services.add(span.service()));
		return List.copyOf(services);
	}

	/**
	 * Returns whether a span of it ended with an error.
	 * @return true when one did
	 */
	public boolean hasError() {
		return this.spans.stream().anyMatch(Span::error);
	}

	/**
	 * Returns the spans depth first, each child after its parent, siblings in start
	 * order.
	 * @return each span with its depth, 0 for a root or a span whose parent is missing
	 */
	public List<Line> lines() {
		Map<String, Span> byId = this.spans.stream()
			.collect(Collectors.toMap(Span::spanId, Function.identity(), (first, second) -> first));
		List<Line> lines = new ArrayList<>();
		for (Span span : this.spans) {
			if (span.startsTrace() || !byId.containsKey(span.parentId())) {
				addWithChildren(span, 0, lines);
			}
		}
		return lines;
	}

	private void addWithChildren(Span span, int depth, List<Line> lines) {
		lines.add(new Line(span, depth));
		for (Span child : this.spans) {
			if (child.parentId().equals(span.spanId()) && !child.spanId().equals(span.spanId())) {
				addWithChildren(child, depth + 1, lines);
			}
		}
	}

	/**
	 * One span of a drawn trace.
	 *
	 * @param span the span
	 * @param depth how many ancestors it has in the trace
	 */
	public record Line(Span span, int depth) {

	}

}
