package workshop.cli.bench;

import java.time.Duration;

/**
 * Chooses N, the size of an {@link OrderBatch}, so that a measured batch lasts about the
 * run's {@code --duration} at the concurrency it runs at: small probe batches first, each
 * sized from the one before until one lasts at least {@link #PROBE}, then the measured
 * batch is scaled from the last probe's rate. The probes also warm the order path up at
 * that concurrency.
 */
final class BatchSize {

	/** The first probe's size. */
	static final int FIRST_PROBE = 20;

	/** A probe this long measures the rate well enough to size the run from it. */
	static final Duration PROBE = Duration.ofSeconds(1);

	/** The most orders one batch places; the stock top-up allows far more. */
	static final int MOST = 200_000;

	/** The fewest orders a measured batch places, whatever the rate. */
	static final int FEWEST = 10;

	private BatchSize() {
	}

	/**
	 * Returns whether a probe lasted long enough to size the run from it.
	 * @param probe the probe's result
	 * @return true if it lasted {@link #PROBE} or more, or was already the largest batch
	 */
	static boolean isEnough(BatchResult probe) {
		return probe.spanNanos() >= PROBE.toNanos() || probe.orders() >= MOST;
	}

	/**
	 * Returns the size of the next probe: enough to last {@link #PROBE} at the rate the
	 * last one measured, but at most ten times larger (a rate from a tiny batch is
	 * rough).
	 * @param probe the last probe's result
	 * @return the next probe's size, larger than the last
	 */
	static int nextProbe(BatchResult probe) {
		int scaled = toLast(probe, PROBE);
		return Math.min(Math.max(scaled, probe.orders() * 2), probe.orders() * 10);
	}

	/**
	 * Returns N for a batch that lasts about {@code duration} at the rate the probe
	 * measured.
	 * @param probe the last probe's result
	 * @param duration how long the measured batch should last
	 * @return N, between {@link #FEWEST} and {@link #MOST}
	 */
	static int forDuration(BatchResult probe, Duration duration) {
		return Math.max(FEWEST, toLast(probe, duration));
	}

	private static int toLast(BatchResult probe, Duration duration) {
		long span = Math.max(probe.spanNanos(), Duration.ofMillis(1).toNanos());
		double orders = (double) probe.orders() * duration.toNanos() / span;
		return (int) Math.min(MOST, Math.ceil(orders));
	}

}
