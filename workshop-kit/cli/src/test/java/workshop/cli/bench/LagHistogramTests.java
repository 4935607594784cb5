package workshop.cli.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LagHistogram}: scrapes written as Micrometer writes a timer with a
 * percentile histogram.
 */
class LagHistogramTests {

	private static final String BEFORE = """
			# HELP cdc_apply_lag_seconds
			# TYPE cdc_apply_lag_seconds histogram
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.01"} 10
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.05"} 10
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.1"} 10
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="+Inf"} 10
			cdc_apply_lag_seconds_count{applier="catalog-replica"} 10
			http_server_requests_seconds_count{uri="/api/orders"} 3
			""";

	private static final String AFTER = """
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.01"} 30
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.05"} 100
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="0.1"} 109
			cdc_apply_lag_seconds_bucket{applier="catalog-replica",le="+Inf"} 110
			cdc_apply_lag_seconds_bucket{applier="catalog-copy",le="0.01"} 5
			cdc_apply_lag_seconds_bucket{applier="catalog-copy",le="+Inf"} 5
			""";

	@Test
	void readsEveryApplierOfAScrape() {
		Map<String, LagHistogram> histograms = LagHistogram.read(AFTER);
		assertThat(histograms).containsOnlyKeys("catalog-replica", "catalog-copy");
		assertThat(histograms.get("catalog-copy").count()).isEqualTo(5);
	}

	@Test
	void countsOnlyWhatWasAppliedSinceTheEarlierReading() {
		LagHistogram run = replica(AFTER).since(replica(BEFORE));
		assertThat(run.count()).isEqualTo(100);
		// 20 of 100 within 10 ms, the median falls in (10 ms, 50 ms]: 30 of its 70
		// changes in
		assertThat(run.millis(0.5)).isCloseTo(10 + 40 * 30 / 70.0, within(0.001));
		assertThat(run.millis(0.95)).isCloseTo(50 + 50 * 5 / 9.0, within(0.001));
	}

	@Test
	void aQuantileBeyondTheLastFiniteBucketIsInfinite() {
		LagHistogram run = replica(AFTER).since(replica(BEFORE));
		assertThat(run.millis(1.0)).isInfinite();
	}

	@Test
	void nothingAppliedHasNoQuantile() {
		LagHistogram run = replica(BEFORE).since(replica(BEFORE));
		assertThat(run.count()).isZero();
		assertThat(run.millis(0.5)).isNaN();
	}

	private static LagHistogram replica(String scrape) {
		return LagHistogram.read(scrape).get("catalog-replica");
	}

}
