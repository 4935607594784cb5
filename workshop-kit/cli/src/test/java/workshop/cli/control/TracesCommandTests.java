package workshop.cli.control;

import org.junit.jupiter.api.Test;

import workshop.cli.Cli;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./workshop traces} refuses what it cannot answer in one line with the fix. What
 * it prints for a running step is shown on step 4's own apps, by its system tests
 * ({@code TraceIntegrationTests}).
 */
class TracesCommandTests {

	@Test
	void refusesAnIdThatIsNoTraceId() throws Exception {
		try (FixtureWorkspace idle = FixtureWorkspace.create()) {
			Cli traces = Cli.run(idle.root(), "traces", "order-42");

			assertThat(traces.exitCode()).isEqualTo(1);
			assertThat(traces.err().strip()).isEqualTo("error: 'order-42' is no trace id: it has 32 hex digits,"
					+ " such as the ones ./workshop traces lists.");
		}
	}

	@Test
	void tellsHowToStartAStepWhenNoneRuns() throws Exception {
		try (FixtureWorkspace idle = FixtureWorkspace.create()) {
			Cli traces = Cli.run(idle.root(), "traces");

			assertThat(traces.exitCode()).isEqualTo(1);
			assertThat(traces.err().strip()).startsWith("error: No step is running in this folder.")
				.doesNotContain("\n");
		}
	}

}
