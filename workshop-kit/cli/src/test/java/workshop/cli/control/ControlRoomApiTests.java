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
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.CliProcess;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The control room's part of the control endpoint, on {@code ./workshop run stateful} in
 * its own process (a fixture app and a real PostgreSQL): the page and its token, the
 * traffic and infrastructure API, the cutover lever, and what a page of another site is
 * refused.
 */
class ControlRoomApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static FixtureWorkspace workspace;

	private static CliProcess run;

	private static SessionFile session;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void runTheStep() {
		workspace = FixtureWorkspace.create();
		run = CliProcess.start(workspace.root(), "run", "stateful");
		await().atMost(Duration.ofSeconds(90))
			.until(() -> run.out().contains(") is running") || !run.process().isAlive());
		assertThat(run.process().isAlive()).as("run: %s %s", run.out(), run.err()).isTrue();
		session = SessionFile.read(workspace.root().resolve(".workshop")).orElseThrow();
	}

	@AfterAll
	static void stopTheStep() throws Exception {
		run.process().toHandle().destroy();
		run.waitFor(Duration.ofSeconds(60));
		workspace.close();
	}

	@Test
	void printsThePageWithTheOtherUrlsAndServesItWithTheTokenToItsOwnHostOnly() throws Exception {
		assertThat(run.out()).containsPattern("control room +" + session.url() + "/control-room/");

		HttpResponse<String> root = get("/");
		HttpResponse<String> page = get("/control-room/");
		HttpResponse<String> script = get("/control-room/app.js");
		String rebound = rawRequest("GET /control-room/ HTTP/1.1\r\nHost: attacker.example:" + session.port()
				+ "\r\nConnection: close\r\n\r\n");

		assertThat(root.statusCode()).isEqualTo(302);
		assertThat(root.headers().firstValue("Location")).contains("/control-room/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> type.startsWith("text/html"));
		assertThat(page.body()).contains("<meta name=\"workshop-token\" content=\"" + session.token() + "\">");
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((policy) -> assertThat(policy).contains("frame-ancestors 'none'"));
		assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.body()).contains("X-Workshop-Token");
		assertThat(get("/control-room/secrets.txt").statusCode()).isEqualTo(404);
		assertThat(rebound).startsWith("HTTP/1.1 403").doesNotContain(session.token());
	}

	@Test
	void answersTheTrafficOfEveryAppAndWhatPostgresHolds() throws Exception {
		JsonNode traffic = JSON.readTree(get("/api/traffic").body());
		JsonNode infra = JSON.readTree(get("/api/infra").body());

		assertThat(traffic.path("apps")).hasSize(1);
		assertThat(traffic.path("apps").get(0).path("name").asString()).isEqualTo("gamma");
		assertThat(traffic.path("apps").get(0).path("scraped").asBoolean()).as("the fixture has no metrics").isFalse();
		assertThat(traffic.path("calls")).isEmpty();
		JsonNode postgres = infra.path("servers").get(0);
		assertThat(postgres.path("name").asString()).isEqualTo("postgres");
		assertThat(postgres.path("error").isNull()).as("error: %s", postgres.path("error")).isTrue();
		assertThat(postgres.path("databases").findValuesAsString("name")).contains("fixture");
		assertThat(postgres.path("roles").valueStream().map(JsonNode::asString)).contains("postgres");
	}

	@Test
	void refusesACutoverWithoutAGatewayAChangeFromAnotherSiteAndABodyThatIsNotJson() throws Exception {
		HttpResponse<String> noGateway = post("/api/cutover/catalog", "{\"weight\": 50}", null);
		HttpResponse<String> otherSite = post("/api/kill/gamma", "", "http://attacker.example");
		HttpResponse<String> notJson = post("/api/cutover/catalog", "weight=50", null);

		assertThat(noGateway.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(noGateway.body()).path("error").asString())
			.isEqualTo("stateful has no gateway: nothing to cut over.");
		assertThat(otherSite.statusCode()).isEqualTo(403);
		assertThat(JSON.readTree(get("/api/status").body()).path("apps").get(0).path("state").asString())
			.isEqualTo("running");
		assertThat(notJson.statusCode()).isEqualTo(400);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(session.url() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body, String origin)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(session.url() + path))
			.header("X-Workshop-Token", session.token())
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (origin != null) {
			request.header("Origin", origin);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String rawRequest(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", session.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

}
