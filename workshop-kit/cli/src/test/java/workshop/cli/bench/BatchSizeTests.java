package workshop.cli.bench;

import java.time.Duration;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sizing an order batch from probes: probes grow until one lasts a second, then the
 * measured batch is scaled to the run's duration.
 */
class BatchSizeTests {

	@Test
	void growsAShortProbeToLastASecondButAtMostTenfold() {
		assertThat(BatchSize.nextProbe(probe(20, Duration.ofMillis(100)))).isEqualTo(200);
		assertThat(BatchSize.nextProbe(probe(20, Duration.ofMillis(10)))).isEqualTo(200);
		assertThat(BatchSize.nextProbe(probe(20, Duration.ofMillis(500)))).isEqualTo(40);
		assertThat(BatchSize.nextProbe(probe(20, Duration.ofMillis(900)))).isEqualTo(40);
	}

	@Test
	void trustsAProbeOfASecondOrMore() {
		assertThat(BatchSize.isEnough(probe(20, Duration.ofMillis(999)))).isFalse();
		assertThat(BatchSize.isEnough(probe(20, Duration.ofSeconds(1)))).isTrue();
		assertThat(BatchSize.isEnough(probe(BatchSize.MOST, Duration.ofMillis(1)))).isTrue();
	}

	@Test
	void scalesTheMeasuredBatchToTheDuration() {
		assertThat(BatchSize.forDuration(probe(200, Duration.ofSeconds(1)), Duration.ofSeconds(5))).isEqualTo(1000);
		assertThat(BatchSize.forDuration(probe(300, Duration.ofMillis(1500)), Duration.ofSeconds(10))).isEqualTo(2000);
	}

	@Test
	void keepsTheMeasuredBatchWithinBounds() {
		assertThat(BatchSize.forDuration(probe(1, Duration.ofSeconds(10)), Duration.ofSeconds(1)))
			.isEqualTo(BatchSize.FEWEST);
		assertThat(BatchSize.forDuration(probe(100_000, Duration.ofSeconds(1)), Duration.ofSeconds(60)))
			.isEqualTo(BatchSize.MOST);
	}

	private static BatchResult probe(int orders, Duration span) {
		return new BatchResult(orders, 1, orders, 0, 0, 0, span.toNanos(), 0, new Histogram(3));
	}

}
