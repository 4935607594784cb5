package workshop.cli.traces;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latest traces, in memory: a workshop looks at what just happened, so the oldest
 * trace is forgotten once {@link #MAX_TRACES} are kept, and a trace keeps at most
 * {@link #MAX_SPANS} spans (a runaway loop cannot fill the memory).
 */
public final class TraceStore {

	/** How many traces are kept. */
	public static final int MAX_TRACES = 300;

	/** How many spans one trace keeps. */
	public static final int MAX_SPANS = 500;

	private final Map<String, List<Span>> traces = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, List<Span>> eldest) {
			return size() > MAX_TRACES;
		}

	};

	/**
	 * Adds spans, to their traces.
	 * @param spans spans of any traces
	 */
	public synchronized void add(Collection<Span> spans) {
		for (Span span : spans) {
			List<Span> trace = this.traces.computeIfAbsent(span.traceId(), (id) -> new ArrayList<>());
			if (trace.size() < MAX_SPANS) {
				trace.add(span);
			}
		}
	}

	/**
	 * Returns one trace.
	 * @param traceId its id
	 * @return the trace, or empty when no span of it was received (or it was forgotten)
	 */
	public synchronized Optional<Trace> trace(String traceId) {
		List<Span> spans = this.traces.get(traceId);
		return (spans != null) ? Optional.of(new Trace(traceId, spans)) : Optional.empty();
	}

	/**
	 * Returns the latest traces.
	 * @param count how many at most
	 * @return the traces, latest first
	 */
	public synchronized List<Trace> latest(int count) {
		List<Trace> latest = new ArrayList<>();
		for (Map.Entry<String, List<Span>> entry : this.traces.entrySet()) {
			latest.add(new Trace(entry.getKey(), entry.getValue()));
		}
		latest.sort((first, second) -> Long.compare(second.startNanos(), first.startNanos()));
		return List.copyOf(latest.subList(0, Math.min(count, latest.size())));
	}

}
