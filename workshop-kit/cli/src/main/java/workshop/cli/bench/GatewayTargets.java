package workshop.cli.bench;

/**
 * The targets of issue 7 for a step with a gateway, measured direct against through the
 * gateway: the gateway adds at most max(1 ms, 25%) to direct p50 and keeps p99 within 1.5
 * times direct p99 at a moderate fixed rate; at saturation it passes at least 35% of
 * direct throughput; every app is healthy within 6 s of launch; the gateway's resident
 * memory stays under 300 MB.
 */
final class GatewayTargets {

	/** The p50 the gateway may always add, however fast direct is. */
	static final double ADDED_P50_MILLIS = 1.0;

	/** The share of direct p50 the gateway may add when that is more than 1 ms. */
	static final double ADDED_P50_SHARE = 0.25;

	static final double P99_FACTOR = 1.5;

	static final double THROUGHPUT_SHARE = 0.35;

	static final double STARTUP_SECONDS = 6;

	/** In MiB, as the report prints memory. */
	static final long GATEWAY_RSS_MB = 300;

	private GatewayTargets() {
	}

	/**
	 * Returns the highest p50 through the gateway that meets the target.
	 * @param directP50 direct p50 in milliseconds
	 * @return the bound in milliseconds
	 */
	static double p50Bound(double directP50) {
		return directP50 + Math.max(ADDED_P50_MILLIS, ADDED_P50_SHARE * directP50);
	}

	static boolean p50Met(double directP50, double gatewayP50) {
		return gatewayP50 <= p50Bound(directP50);
	}

	static double p99Bound(double directP99) {
		return P99_FACTOR * directP99;
	}

	static boolean p99Met(double directP99, double gatewayP99) {
		return gatewayP99 <= p99Bound(directP99);
	}

	static boolean throughputMet(double share) {
		return share >= THROUGHPUT_SHARE;
	}

	static boolean startupMet(double seconds) {
		return seconds < STARTUP_SECONDS;
	}

	/**
	 * Returns whether the gateway's memory meets the target.
	 * @param rssBytes its resident memory, -1 when unknown
	 * @return true when known and under {@link #GATEWAY_RSS_MB}
	 */
	static boolean gatewayRssMet(long rssBytes) {
		return rssBytes >= 0 && rssBytes < GATEWAY_RSS_MB * 1024 * 1024;
	}

	static String verdict(boolean met) {
		return met ? "met" : "**missed**";
	}

}
