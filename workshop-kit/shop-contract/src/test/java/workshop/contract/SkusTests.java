package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SkusTests {

	@Test
	void makesValidSkusStartingWithThePrefix() {
		assertThat(Skus.fresh("MUG")).matches("MUG-[A-Z0-9]{10}");
		assertThat(Skus.fresh("A".repeat(29))).hasSize(40).matches("[A-Z0-9-]{3,40}");
	}

	@Test
	void neverRepeatsASku() {
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> Skus.fresh("X"))).doesNotHaveDuplicates();
	}

	@Test
	void refusesPrefixThatWouldMakeAnInvalidSku() {
		assertThatIllegalArgumentException().isThrownBy(() -> Skus.fresh("lower"));
		assertThatIllegalArgumentException().isThrownBy(() -> Skus.fresh("A".repeat(30)));
	}

}
