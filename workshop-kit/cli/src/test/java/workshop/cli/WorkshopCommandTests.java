package workshop.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level command: help, and one-line errors for what it does not know.
 */
class WorkshopCommandTests {

	private final Path nowhere = Path.of("does-not-exist");

	@Test
	void listsItsCommandsInTheHelp() {
		Cli result = Cli.run(this.nowhere, "--help");

		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).contains("Usage: ./workshop")
			.contains("doctor")
			.contains("run")
			.contains("diff")
			.contains("bench")
			.contains("replay")
			.contains("exercise")
			.contains("slides");
	}

	@Test
	void answersAnUnknownCommandWithOneLineAndTheUsageHint() {
		Cli result = Cli.run(this.nowhere, "frobnicate");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).isEqualTo(
				"error: Unknown command 'frobnicate' (commands: doctor, run, status, stop, kill, start, restart, migrate, replay, scale, traces, clean, diff, bench, exercise, slides). "
						+ "Try './workshop --help'." + System.lineSeparator());
	}

	@Test
	void answersAnUnknownOptionWithOneLineAndTheUsageHint() {
		Cli result = Cli.run(this.nowhere, "run", "step-0", "--fast");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err())
			.isEqualTo("error: Unknown option: '--fast'. Try './workshop run --help'." + System.lineSeparator());
	}

	@Test
	void answersAMissingStepWithOneLineAndTheUsageHint() {
		Cli result = Cli.run(this.nowhere, "bench");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith("error: Missing required parameter")
			.endsWith("Try './workshop bench --help'." + System.lineSeparator());
	}

}
