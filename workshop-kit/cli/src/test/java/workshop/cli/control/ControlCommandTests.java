package workshop.cli.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.Cli;
import workshop.cli.CliProcess;
import workshop.cli.FixtureWorkspace;
import workshop.cli.system.ListeningSockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./workshop status, stop, kill, start, restart, clean} from a second terminal,
 * against {@code ./workshop run} in its own process: real JVMs, a real PostgreSQL, real
 * signals.
 */
class ControlCommandTests {

	private static final Duration STARTED = Duration.ofSeconds(90);

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		await().atMost(Duration.ofSeconds(20))
			.until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
	}

	@Test
	void showsAKilledAppDownWhileTheOthersKeepAnsweringAndStartsItAgain() throws Exception {
		CliProcess run = run("pair");
		long alphaPid = app(status(), "alpha").path("pid").asLong();

		Cli killed = Cli.run(workspace.root(), "kill", "alpha");

		assertThat(killed.exitCode()).isZero();
		assertThat(killed.out()).startsWith("Killed alpha (SIGKILL to pid " + alphaPid + ", exit code 137).");
		assertThat(ProcessHandle.of(alphaPid)).isEmpty();
		JsonNode status = status();
		assertThat(app(status, "alpha").path("state").asString()).isEqualTo("killed");
		assertThat(app(status, "alpha").path("pid").asLong()).isEqualTo(-1);
		assertThat(app(status, "beta").path("state").asString()).isEqualTo("running");
		assertThat(app(status, "beta").path("health").asInt()).isEqualTo(200);
		assertThat(get(workspace.betaPort(), "/ready")).isEqualTo(200);
		assertThat(run.process().isAlive()).isTrue();
		assertThat(Cli.run(workspace.root(), "status").out()).containsPattern("alpha +killed +- ");

		Cli started = Cli.run(workspace.root(), "start", "alpha");

		assertThat(started.exitCode()).isZero();
		assertThat(started.out()).startsWith("Started alpha: healthy after");
		assertThat(app(status(), "alpha").path("state").asString()).isEqualTo("running");
		assertThat(app(status(), "alpha").path("health").asInt()).isEqualTo(200);
		assertThat(get(workspace.alphaPort(), "/ready")).isEqualTo(200);
		assertThat(run.out()).contains("workshop: Killed alpha").contains("workshop: Started alpha");
	}

	@Test
	void reportsAnAppThatDiesUnaskedAndKeepsTheRestRunning() throws Exception {
		CliProcess run = run("pair");

		get(workspace.alphaPort(), "/die");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> run.out().contains("error: alpha died unexpectedly (exit code 7). Its last lines:"));
		assertThat(run.out()).contains("alpha | asked to die: exiting with code 7")
			.contains("The rest of pair keeps running. ./workshop start alpha starts it again");
		assertThat(run.process().isAlive()).isTrue();
		assertThat(get(workspace.betaPort(), "/ready")).isEqualTo(200);
		JsonNode alpha = app(status(), "alpha");
		assertThat(alpha.path("state").asString()).isEqualTo("crashed");
		assertThat(alpha.path("lastExitCode").asInt()).isEqualTo(7);
	}

	@Test
	void stopsOneAppGracefullyAndTheWholeStepWithoutAName() throws Exception {
		CliProcess run = run("pair");
		List<ProcessHandle> started = run.process().descendants().toList();
		assertThat(started).as("two apps, each with its helper process").hasSize(4);

		Cli stopped = Cli.run(workspace.root(), "stop", "beta");
		assertThat(stopped.exitCode()).isZero();
		assertThat(stopped.out()).startsWith("Stopped beta");
		assertThat(app(status(), "beta").path("state").asString()).isEqualTo("stopped");
		assertThat(Cli.run(workspace.root(), "stop", "beta").err())
			.contains("error: beta is not running (stopped). Start it with ./workshop start beta.");

		Cli all = Cli.run(workspace.root(), "stop");

		assertThat(all.exitCode()).isZero();
		assertThat(run.waitFor(Duration.ofSeconds(60))).isTrue();
		assertThat(run.process().exitValue()).isZero();
		await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
		assertThat(run.process().descendants()).isEmpty();
		assertThat(workspace.root().resolve(".workshop/session.json")).doesNotExist();
		assertThat(Cli.run(workspace.root(), "status").err().strip()).isEqualTo(
				"error: No step is running in this folder. Start one with ./workshop run <step> (steps: pair, broken, stateful, messaging).");
	}

	@Test
	void keepsTheDataAcrossAKilledServerAndAWholeRestartAndStartsCleanWhenAsked() throws Exception {
		CliProcess first = run("stateful");
		String database = postgresAddress();
		execute(database, "create table notes (text varchar(40))", "insert into notes values ('kept')");

		Cli killed = Cli.run(workspace.root(), "kill", "postgres");
		assertThat(killed.exitCode()).isZero();
		assertThat(server(status(), "postgres").path("state").asString()).isEqualTo("killed");
		assertThat(app(status(), "gamma").path("state").asString()).isEqualTo("running");
		assertThat(Cli.run(workspace.root(), "start", "postgres").exitCode()).isZero();
		assertThat(postgresAddress()).isEqualTo(database);
		assertThat(notes(database)).containsExactly("kept");

		first.process().toHandle().destroy();
		assertThat(first.waitFor(Duration.ofSeconds(60))).isTrue();
		assertThat(first.out()).contains("Its data is kept in");
		CliProcess second = run("stateful");
		assertThat(notes(postgresAddress())).containsExactly("kept");
		second.process().toHandle().destroy();
		assertThat(second.waitFor(Duration.ofSeconds(60))).isTrue();

		CliProcess fresh = run("stateful", "--fresh");
		assertThat(tables(postgresAddress())).doesNotContain("notes");
		fresh.process().toHandle().destroy();
		assertThat(fresh.waitFor(Duration.ofSeconds(60))).isTrue();

		Cli cleaned = Cli.run(workspace.root(), "clean", "stateful");
		assertThat(cleaned.out()).startsWith("Deleted the kept data of stateful (.workshop/data/stateful).");
		assertThat(workspace.root().resolve(".workshop/data/stateful")).doesNotExist();
	}

	@Test
	void bindsEveryAppToLoopbackUnlessTheFrontDoorIsOpenedToTheLan() throws Exception {
		CliProcess loopback = run("pair");
		assertThat(ListeningSockets.addresses(workspace.alphaPort())).containsExactly("127.0.0.1");
		assertThat(ListeningSockets.addresses(workspace.betaPort())).containsExactly("127.0.0.1");
		loopback.process().toHandle().destroy();
		assertThat(loopback.waitFor(Duration.ofSeconds(60))).isTrue();

		CliProcess lan = run("pair", "--lan");

		assertThat(ListeningSockets.onlyLoopback(workspace.alphaPort())).as("the front door").isFalse();
		assertThat(ListeningSockets.addresses(workspace.alphaPort())).containsAnyOf("0.0.0.0", "::");
		assertThat(ListeningSockets.onlyLoopback(workspace.betaPort())).as("the app behind it").isTrue();
		assertThat(lan.out()).contains("warning: --lan: alpha listens on every network interface on port "
				+ workspace.alphaPort() + ". Anyone on this network can open it and write products as admin with the"
				+ " workshop's default login admin / admin");
	}

	@Test
	void namesTheAppsAndServersWhenAskedForOneTheStepDoesNotHave() throws Exception {
		run("pair");

		Cli result = Cli.run(workspace.root(), "kill", "gateway");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip())
			.isEqualTo("error: pair has no app or server named 'gateway'. Try one of: alpha, beta.");
	}

	@Test
	void scalesAnAppOthersFindByNameAndStopsTheFurtherInstanceWhenScaledDown() throws Exception {
		run("pair");

		Cli up = Cli.run(workspace.root(), "scale", "beta", "2");

		assertThat(up.exitCode()).as(up.err()).isZero();
		assertThat(up.out()).startsWith("beta at 2 instance(s): started beta-2 on port ");
		JsonNode second = app(status(), "beta-2");
		assertThat(second.path("state").asString()).isEqualTo("running");
		HttpResponse<String> ready = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.path("port").asInt() + "/ready"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(ready.statusCode()).isEqualTo(200);
		assertThat(Cli.run(workspace.root(), "kill", "beta-2").exitCode()).isZero();

		Cli down = Cli.run(workspace.root(), "scale", "beta", "1");

		assertThat(down.out()).startsWith("beta at 1 instance(s): stopped beta-2.");
		JsonNode status = status();
		assertThat(status.path("apps")).noneMatch((app) -> app.path("name").asString().equals("beta-2"));
		assertThat(app(status, "beta").path("state").asString()).isEqualTo("running");
	}

	@Test
	void refusesToScaleAnAppNothingFindsByNameOrPastThreeInstances() throws Exception {
		run("pair");

		Cli unreachable = Cli.run(workspace.root(), "scale", "alpha", "2");
		Cli tooMany = Cli.run(workspace.root(), "scale", "beta", "9");

		assertThat(unreachable.exitCode()).isEqualTo(1);
		assertThat(unreachable.err().strip()).isEqualTo("error: No app of pair finds alpha by name in a registry, so a"
				+ " second instance would get no requests. Apps that can be scaled: beta.");
		assertThat(tooMany.exitCode()).isEqualTo(1);
		assertThat(tooMany.err().strip())
			.isEqualTo("error: Give 1 to 3 instances of beta, not 9: a laptop runs the whole step.");
		assertThat(status().path("apps")).hasSize(2);
	}

	@Test
	void refusesToRunASecondStepInTheSameFolder() throws Exception {
		CliProcess first = run("pair");

		Cli second = Cli.run(workspace.root(), "run", "stateful");

		assertThat(second.exitCode()).isEqualTo(1);
		assertThat(second.err().strip())
			.isEqualTo("error: pair is already running in this folder (pid " + first.process().pid()
					+ "). Stop it first (Ctrl-C in its terminal, or ./workshop stop), then run" + " stateful.");
		assertThat(first.process().isAlive()).isTrue();
	}

	@Test
	void refusesChangesWithoutTheTokenAndRequestsAddressedToAnotherHost() throws Exception {
		run("pair");
		SessionFile file = SessionFile.read(workspace.root().resolve(".workshop")).orElseThrow();

		HttpResponse<String> noToken = this.http.send(HttpRequest.newBuilder(URI.create(file.url() + "/api/kill/alpha"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		String rebound = rawRequest(file.port(),
				"GET /api/status HTTP/1.1\r\nHost: attacker.example:" + file.port() + "\r\nConnection: close\r\n\r\n");

		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(app(status(), "alpha").path("state").asString()).isEqualTo("running");
		assertThat(rebound).startsWith("HTTP/1.1 403");
		assertThat(Files.getPosixFilePermissions(workspace.root().resolve(".workshop/session.json"))).hasSize(2)
			.allMatch((permission) -> permission.name().startsWith("OWNER"));
	}

	private static CliProcess run(String step, String... options) {
		String[] args = new String[options.length + 2];
		args[0] = "run";
		args[1] = step;
		System.arraycopy(options, 0, args, 2, options.length);
		CliProcess cli = CliProcess.start(workspace.root(), args);
		await().atMost(STARTED).until(() -> cli.out().contains(") is running") || !cli.process().isAlive());
		assertThat(cli.process().isAlive()).as("run %s: %s %s", step, cli.out(), cli.err()).isTrue();
		return cli;
	}

	private static JsonNode status() {
		Cli result = Cli.run(workspace.root(), "status", "--json");
		assertThat(result.exitCode()).as(result.err()).isZero();
		return JSON.readTree(result.out());
	}

	private static JsonNode app(JsonNode status, String name) {
		for (JsonNode app : status.path("apps")) {
			if (app.path("name").asString().equals(name)) {
				return app;
			}
		}
		throw new AssertionError("no app " + name + " in " + status);
	}

	private static JsonNode server(JsonNode status, String name) {
		for (JsonNode server : status.path("servers")) {
			if (server.path("name").asString().equals(name)) {
				return server;
			}
		}
		throw new AssertionError("no server " + name + " in " + status);
	}

	private static String postgresAddress() {
		return server(status(), "postgres").path("address").asString();
	}

	private int get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static void execute(String address, String... statements) throws SQLException {
		try (Connection connection = connect(address); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<String> notes(String address) throws SQLException {
		return query(address, "select text from notes");
	}

	private static List<String> tables(String address) throws SQLException {
		return query(address, "select table_name from information_schema.tables where table_schema = 'public'");
	}

	private static List<String> query(String address, String sql) throws SQLException {
		try (Connection connection = connect(address);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new java.util.ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static Connection connect(String address) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + address + "/fixture", "postgres", "postgres");
	}

	private static String rawRequest(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
