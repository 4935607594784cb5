package workshop.cli.control;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * {@code ./workshop migrate [status|next|repair]}: shows where the running step's data
 * migration stands, moves it to the next phase, or repairs drift by an incremental
 * snapshot and waits for it. It asks the app whose manifest entry shows
 * {@code /actuator/migration} in {@code status}, the same calls the step's README shows
 * with {@code curl}.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = { "Shows the phase of the running step's data migration (status, the default), moves it to",
				"the next phase (next: A copies, B cuts over, C removes the old copy), or has the change stream",
				"read the products again while it goes on (repair), and waits until it has." })
public final class MigrateCommand implements Callable<Integer> {

	static final String ENDPOINT = "/actuator/migration";

	static final String REPAIR = "/actuator/repair";

	/** The longest {@code repair} waits for the snapshot. */
	private static final Duration REPAIR_WAIT = Duration.ofMinutes(10);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "status|next|repair", defaultValue = "status",
			description = "status (the default), next or repair.")
	private String action;

	@Option(names = "--admin", paramLabel = "<user:password>", defaultValue = "admin:admin",
			description = "The app's administrator, for next (default: ${DEFAULT-VALUE}).")
	private String admin;

	@Override
	public Integer call() {
		if (!List.of("status", "next", "repair").contains(this.action)) {
			throw new WorkshopException("'" + this.action + "' is no migrate action: use ./workshop migrate status, "
					+ "./workshop migrate next or ./workshop migrate repair.");
		}
		ControlClient client = ControlClient.of(this.parent.workspace());
		App app = migratingApp(this.parent.workspace().manifest().step(client.step()));
		// the app's address in this run: tests and a second run of the step use free
		// ports
		URI endpoint = URI
			.create(client.status()
				.apps()
				.stream()
				.filter((running) -> running.name().equals(app.name()))
				.findFirst()
				.map(StepStatus.AppStatus::url)
				.orElse(app.url()))
			.resolve(ENDPOINT);
		PrintWriter out = this.spec.commandLine().getOut();
		if ("repair".equals(this.action)) {
			out.println(describeRepair(app.name(), repair(app, endpoint.resolve(REPAIR))));
		}
		JsonNode status = send(app, HttpRequest.newBuilder(endpoint));
		if ("next".equals(this.action)) {
			if (status.path("next").isNull() || status.path("next").isMissingNode()) {
				throw new WorkshopException("The migration is in phase " + status.path("phase").asString()
						+ ", the last: there is no next phase.");
			}
			String body = JSON.writeValueAsString(JSON.createObjectNode().put("phase", status.path("next").asString()));
			status = send(app,
					HttpRequest.newBuilder(endpoint)
						.header("Content-Type", "application/json")
						.header("Authorization", basic())
						.POST(HttpRequest.BodyPublishers.ofString(body)));
		}
		out.println(describe(app.name(), status));
		out.flush();
		return 0;
	}

	/** Asks for the repair, then waits until the engine says it is done. */
	private JsonNode repair(App app, URI endpoint) {
		send(app,
				HttpRequest.newBuilder(endpoint)
					.header("Authorization", basic())
					.POST(HttpRequest.BodyPublishers.noBody()));
		long giveUpAt = System.nanoTime() + REPAIR_WAIT.toNanos();
		while (true) {
			JsonNode repair = send(app, HttpRequest.newBuilder(endpoint));
			String state = repair.path("state").asString();
			if ("COMPLETED".equals(state) || "ABORTED".equals(state) || "NOT_SENT".equals(state)) {
				return repair;
			}
			if (System.nanoTime() > giveUpAt) {
				throw new WorkshopException("The repair is still " + state + " after " + REPAIR_WAIT.toMinutes()
						+ " minutes; ./workshop migrate status and the log of " + app.name() + " tell more.");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WorkshopException("Interrupted while waiting for the repair.", ex);
			}
		}
	}

	private String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(this.admin.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Says in one line what a repair did.
	 * @param app the app's name
	 * @param repair what {@code GET /actuator/repair} answered
	 * @return the line, never null
	 */
	static String describeRepair(String app, JsonNode repair) {
		StringBuilder line = new StringBuilder(app).append(": repair ")
			.append(repair.path("state").asString())
			.append("; read ")
			.append(repair.path("rowsRead").asLong())
			.append(" rows of ")
			.append(repair.path("database").asString())
			.append(" again");
		if (repair.path("tookMillis").isNumber()) {
			line.append(String.format(Locale.ROOT, " in %.1f s", repair.path("tookMillis").asLong() / 1000.0));
		}
		int removed = repair.path("removedFromCopy").asInt();
		if (removed > 0) {
			line.append("; removed ")
				.append(removed)
				.append((removed == 1) ? " row" : " rows")
				.append(" only the copy had");
		}
		return line.toString();
	}

	/**
	 * Finds the app that runs the step's data migration.
	 * @param step the running step
	 * @return the app whose status paths include {@value #ENDPOINT}
	 * @throws WorkshopException when the step has none
	 */
	public static App migratingApp(Step step) {
		return step.apps()
			.stream()
			.filter((app) -> app.status().contains(ENDPOINT))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(step.id() + " has no data migration: ./workshop migrate "
					+ "works in a step whose app shows " + ENDPOINT + " (step-3: ./workshop run step-3)."));
	}

	/**
	 * Says in one line where the migration stands.
	 * @param app the app's name
	 * @param status what {@code GET /actuator/migration} answered
	 * @return the line, never null
	 */
	static String describe(String app, JsonNode status) {
		StringBuilder line = new StringBuilder(app).append(": phase ")
			.append(status.path("phase").asString())
			.append(" (")
			.append(status.path("description").asString())
			.append(")");
		JsonNode stream = status.path("stream");
		if (stream.isObject()) {
			line.append("; stream ")
				.append(stream.path("database").asString())
				.append(" via slot ")
				.append(stream.path("slot").asString())
				.append(stream.path("running").asBoolean() ? "" : " (stopped)");
		}
		JsonNode copier = status.path("copier");
		if (copier.path("running").asBoolean()) {
			line.append("; copier applied ")
				.append(copier.path("applied").asLong())
				.append(", skipped ")
				.append(copier.path("skipped").asLong());
			if (copier.path("lagP50Millis").isNumber()) {
				line.append(", lag p50 ")
					.append(copier.path("lagP50Millis").asLong())
					.append(" ms, p99 ")
					.append(copier.path("lagP99Millis").asLong())
					.append(" ms");
			}
		}
		JsonNode reconciliation = status.path("reconciliation");
		if (reconciliation.isObject()) {
			line.append("; ")
				.append(reconciliation.path("table").asString())
				.append(" ")
				.append(reconciliation.path("oldHome").asInt())
				.append(" old / ")
				.append(reconciliation.path("ownDatabase").asInt())
				.append(" new, ")
				.append(reconciliation.path("drifting").asInt())
				.append(" drifting");
		}
		if (!status.path("next").isNull() && !status.path("next").isMissingNode()) {
			line.append("; next: ").append(status.path("next").asString()).append(" (./workshop migrate next)");
		}
		return line.toString();
	}

	private static JsonNode send(App app, HttpRequest.Builder request) {
		HttpResponse<String> response;
		try {
			response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new WorkshopException(app.name() + " does not answer on port " + app.port() + " (" + ex.getMessage()
					+ "): start it with ./workshop start " + app.name() + ".", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while waiting for " + app.name() + ".", ex);
		}
		if (response.statusCode() == 401) {
			throw new WorkshopException(app.name() + " refused the administrator's login: give it with "
					+ "--admin <user:password> (the app's shop.admin.*).");
		}
		if (response.statusCode() >= 300) {
			String detail = JSON.readTree(response.body())
				.path("detail")
				.asString("it answered " + response.statusCode());
			throw new WorkshopException(app.name() + " refused: " + detail);
		}
		return JSON.readTree(response.body());
	}

}
