package workshop.cli.bench;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured.
 *
 * @param latencies the latency of every answered request, in nanoseconds
 * @param errors requests that failed or got an unexpected status
 * @param causes the errors by what went wrong ({@code HTTP 503}, an exception's class
 * name), where the generator records it
 * @param elapsed how long the run lasted
 */
record LoadResult(Histogram latencies, long errors, Map<String, Long> causes, Duration elapsed) {

	LoadResult(Histogram latencies, long errors, Duration elapsed) {
		this(latencies, errors, Map.of(), elapsed);
	}

	long requests() {
		return this.latencies.getTotalCount() + this.errors;
	}

	double throughput() {
		return this.latencies.getTotalCount() / (this.elapsed.toNanos() / 1e9);
	}

	double millis(double percentile) {
		return this.latencies.getValueAtPercentile(percentile) / 1e6;
	}

	double maxMillis() {
		return this.latencies.getMaxValue() / 1e6;
	}

	/**
	 * The errors and their causes, the most frequent first.
	 * @return for example {@code 500 (HTTP 503 x480, HttpTimeoutException x20)}, or
	 * {@code 0}
	 */
	String errorsAndCauses() {
		if (this.causes.isEmpty()) {
			return String.valueOf(this.errors);
		}
		return this.causes.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
			.map((cause) -> cause.getKey() + " x" + cause.getValue())
			.collect(Collectors.joining(", ", this.errors + " (", ")"));
	}

}
