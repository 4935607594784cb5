package workshop.cli.traces;

import java.util.Map;

/**
 * One span as an app exported it.
 *
 * @param traceId the trace's id, 32 hex digits
 * @param spanId the span's id, 16 hex digits
 * @param parentId the parent span's id, or empty for a trace's root
 * @param service the exporting app ({@code service.name})
 * @param name what the span did, such as {@code http post /api/orders}
 * @param kind {@code SERVER}, {@code CLIENT}, {@code PRODUCER}, {@code CONSUMER} or
 * {@code INTERNAL}
 * @param startNanos when it started, in nanoseconds since the epoch
 * @param endNanos when it ended, in nanoseconds since the epoch
 * @param error whether it ended with an error status
 * @param attributes its attributes, as text
 */
public record Span(String traceId, String spanId, String parentId, String service, String name, String kind,
		long startNanos, long endNanos, boolean error, Map<String, String> attributes) {

	/**
	 * Returns how long it took.
	 * @return the duration in milliseconds
	 */
	public double millis() {
		return (this.endNanos - this.startNanos) / 1_000_000.0;
	}

	/**
	 * Returns whether it starts its trace.
	 * @return true when it has no parent
	 */
	public boolean startsTrace() {
		return this.parentId.isEmpty();
	}

}
