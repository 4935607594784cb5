package workshop.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import workshop.cli.control.PrometheusText;

/**
 * The lag of one change applier, as the histogram of the timer {@code cdc.apply.lag} that
 * each applier of a step records: from the commit at the source ({@code source.ts_ms} of
 * the change event) to the commit of the applied change. Read out of a Prometheus scrape,
 * where Micrometer writes it as cumulative buckets
 * ({@code cdc_apply_lag_seconds_bucket{applier=…,le=…}}); two readings subtract, so a
 * measure sees only the changes of its own run.
 *
 * @param applier the applier's name, its {@code applier} label
 * @param buckets the upper bound of each bucket in seconds, and how many changes took at
 * most that long
 */
record LagHistogram(String applier, TreeMap<Double, Double> buckets) {

	private static final String BUCKET = "cdc_apply_lag_seconds_bucket";

	/**
	 * Reads the histograms of every applier in a scrape.
	 * @param scrape what an app's {@code /actuator/prometheus} answered
	 * @return the histograms by applier, empty when the app applies no changes
	 */
	static Map<String, LagHistogram> read(String scrape) {
		Map<String, TreeMap<Double, Double>> byApplier = new LinkedHashMap<>();
		for (PrometheusText.Sample sample : PrometheusText.parse(scrape)) {
			if (BUCKET.equals(sample.name())) {
				String le = sample.label("le");
				double bound = "+Inf".equals(le) ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
				byApplier.computeIfAbsent(sample.label("applier"), (name) -> new TreeMap<>())
					.merge(bound, sample.value(), Double::sum);
			}
		}
		Map<String, LagHistogram> histograms = new LinkedHashMap<>();
		byApplier.forEach((applier, buckets) -> histograms.put(applier, new LagHistogram(applier, buckets)));
		return histograms;
	}

	/**
	 * Returns what was recorded since an earlier reading.
	 * @param earlier the earlier reading of the same applier, or null for none
	 * @return the difference
	 */
	LagHistogram since(LagHistogram earlier) {
		TreeMap<Double, Double> difference = new TreeMap<>();
		this.buckets.forEach((bound, count) -> difference.put(bound,
				count - ((earlier != null) ? earlier.buckets.getOrDefault(bound, 0.0) : 0.0)));
		return new LagHistogram(this.applier, difference);
	}

	/**
	 * Returns how many changes were applied.
	 * @return the count
	 */
	long count() {
		return this.buckets.isEmpty() ? 0 : Math.round(this.buckets.lastEntry().getValue());
	}

	/**
	 * Estimates a quantile, within the bucket it falls in, by linear interpolation.
	 * @param quantile between 0 and 1, such as 0.99
	 * @return the lag in milliseconds, or NaN when nothing was applied; infinite when the
	 * quantile lies beyond the last finite bucket
	 */
	double millis(double quantile) {
		long count = count();
		if (count == 0) {
			return Double.NaN;
		}
		double rank = quantile * count;
		double lowerBound = 0;
		double below = 0;
		List<Map.Entry<Double, Double>> entries = new ArrayList<>(this.buckets.entrySet());
		for (Map.Entry<Double, Double> bucket : entries) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return Double.POSITIVE_INFINITY;
				}
				double inBucket = bucket.getValue() - below;
				double share = (inBucket > 0) ? (rank - below) / inBucket : 1;
				return (lowerBound + share * (bucket.getKey() - lowerBound)) * 1000;
			}
			lowerBound = bucket.getKey();
			below = bucket.getValue();
		}
		return Double.POSITIVE_INFINITY;
	}

}
