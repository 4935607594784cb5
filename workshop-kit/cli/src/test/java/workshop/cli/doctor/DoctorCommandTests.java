package workshop.cli.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import workshop.cli.Cli;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./workshop doctor} against a fixture manifest.
 */
class DoctorCommandTests {

	private static FixtureWorkspace workspace;

	@BeforeAll
	static void createWorkspace() {
		workspace = FixtureWorkspace.create();
	}

	@AfterAll
	static void deleteWorkspace() throws IOException {
		workspace.close();
	}

	@Test
	void failsOnATakenPortNamingTheAppTheProcessAndTheFix() throws IOException {
		try (ServerSocket holder = new ServerSocket()) {
			holder.bind(new InetSocketAddress(workspace.betaPort()));

			Cli result = Cli.run(workspace.root(), "doctor");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.out())
				.contains("[FAIL] port " + workspace.betaPort() + " (beta) is taken by pid "
						+ ProcessHandle.current().pid() + " (")
				.contains("stop that process, or change the port in workshop.yaml")
				.contains("1 problem blocks ./workshop run");
			assertThat(result.out()).doesNotContain("[FAIL] port " + workspace.alphaPort());
		}
	}

	@Test
	void listsFreePortsTheJdkAndTheInfrastructureMode() {
		Cli result = Cli.run(workspace.root(), "doctor");

		assertThat(result.out()).contains("[ok]   JDK " + Runtime.version())
			.contains("[ok]   ports free: " + workspace.alphaPort() + ", " + workspace.betaPort())
			.contains("infrastructure for ./workshop run: ")
			.doesNotContain("is taken");
	}

}
