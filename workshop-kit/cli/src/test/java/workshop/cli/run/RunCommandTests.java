package workshop.cli.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import workshop.cli.Cli;
import workshop.cli.CliProcess;
import workshop.cli.FixtureWorkspace;
import workshop.cli.WorkshopException;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./workshop run} on fixture apps: real JVMs on real ports, no Maven and no
 * Spring.
 */
class RunCommandTests {

	private static FixtureWorkspace workspace;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void createWorkspace() {
		workspace = FixtureWorkspace.create();
	}

	@AfterAll
	static void deleteWorkspace() throws IOException {
		workspace.close();
	}

	/** Whatever a failed test left running must not take the next test's ports. */
	@AfterEach
	void killLeftovers() {
		ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
	}

	@Test
	void startsEveryAppPrefixesTheirLogsAndStopsAllTheirProcessesWhenTerminated() throws Exception {
		CliProcess cli = CliProcess.start(workspace.root(), "run", "pair");
		await().atMost(Duration.ofSeconds(60)).until(() -> cli.out().contains("pair (Two healthy apps) is running"));

		assertThat(cli.outLines())
			.anyMatch((line) -> line.startsWith("alpha | fixture listening on port " + workspace.alphaPort()))
			.anyMatch((line) -> line.startsWith("beta  | fixture listening on port " + workspace.betaPort()))
			.anyMatch((line) -> line.startsWith("alpha is healthy after"))
			.anyMatch((line) -> line.startsWith("beta is healthy after"));
		assertThat(cli.out()).contains("http://localhost:" + workspace.alphaPort() + "/");
		assertThat(status(workspace.betaPort(), "/ready")).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).until(() -> cli.out().contains("beta  | request GET /ready"));

		List<ProcessHandle> started = cli.process().descendants().toList();
		assertThat(started).as("two apps, each with its helper process").hasSize(4);

		// SIGTERM, as kill sends; Ctrl-C's SIGINT takes the same path. (Process.destroy
		// would also close our
		// end of its output, losing what it prints while stopping.)
		cli.process().toHandle().destroy();
		assertThat(cli.waitFor(Duration.ofSeconds(60))).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
		assertThat(cli.out()).contains("Stopping pair...").contains("Stopped pair.");
	}

	@Test
	void stopsEverythingAndExplainsWhenAnAppDiesAndStopOnFailureIsAsked() throws Exception {
		CliProcess cli = CliProcess.start(workspace.root(), "run", "pair", "--stop-on-failure");
		await().atMost(Duration.ofSeconds(60)).until(() -> cli.out().contains("is running"));
		List<ProcessHandle> started = cli.process().descendants().toList();

		status(workspace.alphaPort(), "/die");

		assertThat(cli.waitFor(Duration.ofSeconds(60))).isTrue();
		assertThat(cli.process().exitValue()).isEqualTo(1);
		assertThat(cli.err()).isEqualTo("error: alpha stopped unexpectedly (exit code 7): "
				+ "asked to die: exiting with code 7. Everything else is stopped.");
		await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
	}

	@Test
	void reportsTheCauseInOneLineWhenAnAppFailsToStart() {
		Cli result = Cli.run(workspace.root(), "run", "broken");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip()).isEqualTo(
				"error: broken failed to start (exit code 3): ERROR Cannot open the shop database: connection refused");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
	}

	@Test
	void refusesToStartWhenAPortIsTakenAndNamesTheProcessHoldingIt() throws IOException {
		try (ServerSocket holder = new ServerSocket()) {
			holder.bind(new InetSocketAddress(workspace.alphaPort()));

			Cli result = Cli.run(workspace.root(), "run", "pair");

			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.err().strip())
				.startsWith("error: Port " + workspace.alphaPort() + " for alpha is taken by pid "
						+ ProcessHandle.current().pid() + " (")
				.endsWith("Stop that process, or change the port of alpha in workshop.yaml.");
			assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
		}
	}

	@Test
	void rejectsAnUnknownInfrastructureModeWithTheValidOnes() {
		Cli result = Cli.run(workspace.root(), "run", "pair", "--infra", "cloud");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip())
			.isEqualTo("error: --infra cloud is not a mode: use embedded (the default), docker or external.");
	}

	@Test
	void tellsHowToStartCleanWhenKeptDataWasMadeByOtherMigrations() {
		Step step = new Step("step-9", "step-9", "A step", InfraNeeds.NONE, "http://localhost:8080/", List.of(),
				Map.of());
		WorkshopException flyway = new WorkshopException(
				"monolith failed to start (exit code 1): Validate failed:" + " Migrations have failed validation");

		RuntimeException explained = RunCommand.explainKeptData(flyway, step, true);

		assertThat(explained.getMessage()).endsWith("The data kept for step-9 was made by other migrations than this"
				+ " code has: start clean with ./workshop run step-9 --fresh (or ./workshop clean step-9).");
		assertThat(RunCommand.explainKeptData(flyway, step, false)).isSameAs(flyway);
		WorkshopException other = new WorkshopException("monolith failed to start (exit code 1): port in use");
		assertThat(RunCommand.explainKeptData(other, step, true)).isSameAs(other);
	}

	private int status(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
