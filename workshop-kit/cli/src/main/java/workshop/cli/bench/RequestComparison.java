package workshop.cli.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * One request measured direct to the backend that serves it and through the gateway, in
 * interleaved rounds. Every figure is the median of the rounds; a latency is the median
 * of the rounds that had answers, and not a number when no round had one.
 *
 * @param request what was sent, such as {@code GET /api/products}
 * @param backend the app that served it (its {@code X-Served-By})
 * @param rate requests per second of the fixed-rate runs
 * @param directAtRate each round's latency direct, at the fixed rate
 * @param gatewayAtRate each round's latency through the gateway, at the fixed rate
 * @param directSaturated each round's closed-loop throughput direct
 * @param gatewaySaturated each round's closed-loop throughput through the gateway
 */
record RequestComparison(String request, String backend, int rate, List<LoadResult> directAtRate,
		List<LoadResult> gatewayAtRate, List<LoadResult> directSaturated, List<LoadResult> gatewaySaturated) {

	double directMillis(double percentile) {
		return medianMillis(this.directAtRate, percentile);
	}

	double gatewayMillis(double percentile) {
		return medianMillis(this.gatewayAtRate, percentile);
	}

	/**
	 * Returns how many requests each side had answered at the fixed rate, all rounds
	 * together: a p99 of a few dozen answers is close to their maximum.
	 * @return the smaller of the two sides' counts
	 */
	long answersAtRate() {
		return Math.min(answers(this.directAtRate), answers(this.gatewayAtRate));
	}

	double directThroughput() {
		return Median.of(this.directSaturated, LoadResult::throughput);
	}

	double gatewayThroughput() {
		return Median.of(this.gatewaySaturated, LoadResult::throughput);
	}

	/**
	 * Returns the gateway's throughput as a share of direct.
	 * @return 0 to about 1, 0 when nothing was answered direct
	 */
	double throughputShare() {
		double direct = directThroughput();
		return (direct == 0) ? 0 : gatewayThroughput() / direct;
	}

	/**
	 * Returns the direct requests of every round that failed or got an unexpected status.
	 * @return the count, at the fixed rate and at saturation
	 */
	long directErrors() {
		return errors(this.directAtRate, this.directSaturated);
	}

	/**
	 * Returns the requests through the gateway of every round that failed or got an
	 * unexpected status.
	 * @return the count, at the fixed rate and at saturation
	 */
	long gatewayErrors() {
		return errors(this.gatewayAtRate, this.gatewaySaturated);
	}

	private static double medianMillis(List<LoadResult> rounds, double percentile) {
		List<LoadResult> answered = rounds.stream().filter((round) -> round.latencies().getTotalCount() > 0).toList();
		return answered.isEmpty() ? Double.NaN : Median.of(answered, (round) -> round.millis(percentile));
	}

	private static long answers(List<LoadResult> rounds) {
		return rounds.stream().mapToLong((round) -> round.latencies().getTotalCount()).sum();
	}

	private static long errors(List<LoadResult> atRate, List<LoadResult> saturated) {
		return Stream.concat(atRate.stream(), saturated.stream()).mapToLong(LoadResult::errors).sum();
	}

}
