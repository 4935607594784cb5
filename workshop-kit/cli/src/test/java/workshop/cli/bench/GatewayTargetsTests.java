package workshop.cli.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The targets of issue 7 at their edges, and the median of rounds they are checked on.
 */
class GatewayTargetsTests {

	@Test
	void allowsOneMillisecondOnAFastBackend() {
		assertThat(GatewayTargets.p50Bound(0.4)).isCloseTo(1.4, within(1e-9));
		assertThat(GatewayTargets.p50Met(0.4, 1.4)).isTrue();
		assertThat(GatewayTargets.p50Met(0.4, 1.41)).isFalse();
	}

	@Test
	void allowsAQuarterOnASlowBackend() {
		assertThat(GatewayTargets.p50Bound(10)).isCloseTo(12.5, within(1e-9));
		assertThat(GatewayTargets.p50Met(10, 12.5)).isTrue();
		assertThat(GatewayTargets.p50Met(10, 12.6)).isFalse();
	}

	@Test
	void allowsHalfAgainTheDirectP99() {
		assertThat(GatewayTargets.p99Met(4, 6)).isTrue();
		assertThat(GatewayTargets.p99Met(4, 6.01)).isFalse();
	}

	@Test
	void wantsAThirdOfDirectThroughputAndABit() {
		assertThat(GatewayTargets.throughputMet(0.35)).isTrue();
		assertThat(GatewayTargets.throughputMet(0.349)).isFalse();
	}

	@Test
	void wantsEveryAppUpWithinSixSecondsAndTheGatewayUnder300Megabytes() {
		assertThat(GatewayTargets.startupMet(5.9)).isTrue();
		assertThat(GatewayTargets.startupMet(6.0)).isFalse();
		assertThat(GatewayTargets.gatewayRssMet((300L << 20) - 1)).isTrue();
		assertThat(GatewayTargets.gatewayRssMet(300L << 20)).isFalse();
		assertThat(GatewayTargets.gatewayRssMet(-1)).as("unknown memory is not a met target").isFalse();
	}

	@Test
	void takesTheMiddleRound() {
		assertThat(Median.of(List.of(3.0, 100.0, 1.0), Double::doubleValue)).isEqualTo(3.0);
		assertThat(Median.of(List.of(4.0, 1.0, 2.0, 100.0), Double::doubleValue)).isEqualTo(3.0);
		assertThatIllegalArgumentException().isThrownBy(() -> Median.of(List.<Double>of(), Double::doubleValue));
	}

}
