package workshop.cli.bench;

import org.junit.jupiter.api.Test;

import workshop.cli.Cli;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mistakes {@code ./workshop bench} refuses before it starts anything.
 */
class BenchCommandTests {

	@Test
	void refusesToCompareAGatewayInAStepThatHasNone() throws Exception {
		try (FixtureWorkspace workspace = FixtureWorkspace.create()) {
			Cli result = Cli.run(workspace.root(), "bench", "pair", "--gateway-only");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.err()).isEqualTo("error: pair has no gateway (no app named 'gateway' in workshop.yaml), "
					+ "so --gateway-only has nothing to compare: name a step with one, such as step-2, "
					+ "or drop --gateway-only." + System.lineSeparator());
		}
	}

	@Test
	void refusesARateOfNothing() throws Exception {
		try (FixtureWorkspace workspace = FixtureWorkspace.create()) {
			Cli result = Cli.run(workspace.root(), "bench", "pair", "--rate", "0");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.err()).startsWith("error: --rate must be between 1 and 100000")
				.endsWith("for example --rate 200." + System.lineSeparator());
		}
	}

}
