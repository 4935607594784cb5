package workshop.cli.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The gateway's targets at their edges, and the median of rounds they are checked on.
 */
class GatewayTargetsTests {

	private final GatewayTargets targets = new GatewayTargets(1.0, 0.25, 1.5, 0.35);

	@Test
	void allowsTheAddedMillisecondsOnAFastBackend() {
		assertThat(this.targets.p50Bound(0.4)).isCloseTo(1.4, within(1e-9));
		assertThat(this.targets.p50Met(0.4, 1.4)).isTrue();
		assertThat(this.targets.p50Met(0.4, 1.41)).isFalse();
	}

	@Test
	void allowsTheAddedShareOnASlowBackend() {
		assertThat(this.targets.p50Bound(10)).isCloseTo(12.5, within(1e-9));
		assertThat(this.targets.p50Met(10, 12.5)).isTrue();
		assertThat(this.targets.p50Met(10, 12.6)).isFalse();
	}

	@Test
	void allowsTheP99FactorOfTheDirectP99() {
		assertThat(this.targets.p99Met(4, 6)).isTrue();
		assertThat(this.targets.p99Met(4, 6.01)).isFalse();
	}

	@Test
	void wantsTheThroughputShare() {
		assertThat(this.targets.throughputMet(0.35)).isTrue();
		assertThat(this.targets.throughputMet(0.349)).isFalse();
	}

	@Test
	void takesTheMiddleRound() {
		assertThat(Median.of(List.of(3.0, 100.0, 1.0), Double::doubleValue)).isEqualTo(3.0);
		assertThat(Median.of(List.of(4.0, 1.0, 2.0, 100.0), Double::doubleValue)).isEqualTo(3.0);
		assertThatIllegalArgumentException().isThrownBy(() -> Median.of(List.<Double>of(), Double::doubleValue));
	}

}
