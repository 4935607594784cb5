package workshop.cli.bench;

import java.time.Duration;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured.
 *
 * @param latencies the latency of every answered request, in nanoseconds
 * @param errors requests that failed or got an unexpected status
 * @param elapsed how long the run lasted
 */
record LoadResult(Histogram latencies, long errors, Duration elapsed) {

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

}
