package workshop.cli.bench;

import org.HdrHistogram.Histogram;

/**
 * What one {@link OrderBatch} measured: the shop's capacity to complete orders, not the
 * time a customer waits for one.
 *
 * @param orders how many orders were placed (N)
 * @param connections how many connections placed them (C)
 * @param confirmed orders that ended {@code CONFIRMED}
 * @param otherFinal orders that ended in another final status ({@code REJECTED}, ...)
 * @param stillPending orders still {@code PENDING} when the deadline passed
 * @param failed orders whose POST or a later read failed
 * @param spanNanos from the first POST sent to the last order seen final, 0 when none
 * became final
 * @param drainNanos from the last POST answered to the last order seen final
 * @param postLatencies the latency of every answered POST, in nanoseconds
 */
record BatchResult(int orders, int connections, int confirmed, int otherFinal, int stillPending, int failed,
		long spanNanos, long drainNanos, Histogram postLatencies) {

	/**
	 * Orders that reached a final status per second of the span: N / (last final - first
	 * sent) when every order ended final. In a step whose POST answers final this is the
	 * POST throughput.
	 * @return orders per second, 0 when none became final
	 */
	double completedPerSecond() {
		return (this.spanNanos == 0) ? 0 : (this.confirmed + this.otherFinal) / (this.spanNanos / 1e9);
	}

	/**
	 * Orders that did not end {@code CONFIRMED}: another final status, still pending at
	 * the deadline, or failed.
	 * @return the count of errors
	 */
	int errors() {
		return this.orders - this.confirmed;
	}

	double confirmedShare() {
		return (double) this.confirmed / this.orders;
	}

	double spanSeconds() {
		return this.spanNanos / 1e9;
	}

	double postMillis(double percentile) {
		return this.postLatencies.getValueAtPercentile(percentile) / 1e6;
	}

}
