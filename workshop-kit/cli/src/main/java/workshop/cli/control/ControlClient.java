package workshop.cli.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;

/**
 * Talks to the control endpoint of the step running in a workspace, for the commands of
 * another terminal.
 */
final class ControlClient {

	/**
	 * Starting an app waits until it is healthy, which may take minutes on a cold
	 * machine.
	 */
	private static final Duration ACTION_TIMEOUT = Duration.ofMinutes(5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final SessionFile file;

	private ControlClient(SessionFile file) {
		this.file = file;
	}

	/**
	 * Finds the step running in a workspace.
	 * @param workspace the workspace
	 * @return a client of its control endpoint
	 * @throws WorkshopException when no step runs there
	 */
	static ControlClient of(Workspace workspace) {
		SessionFile file = SessionFile.read(workspace.workDir())
			.orElseThrow(() -> new WorkshopException("No step is running in this folder. Start one with"
					+ " ./workshop run <step> (steps: " + workspace.manifest().stepIds() + ")."));
		if (!file.isAlive()) {
			SessionFile.deleteStale(workspace.workDir());
			throw new WorkshopException("The run of " + file.step() + " in this folder is gone (pid " + file.pid()
					+ " has ended). Start it again with ./workshop run " + file.step() + ".");
		}
		return new ControlClient(file);
	}

	/**
	 * Returns the id of the running step.
	 * @return the step id
	 */
	String step() {
		return this.file.step();
	}

	/**
	 * Reads the step's status.
	 * @return the status
	 */
	StepStatus status() {
		return JSON.readValue(send(get("/api/status")), StepStatus.class);
	}

	/**
	 * Acts on an app or server and waits until it is done.
	 * @param action {@code stop}, {@code kill}, {@code start} or {@code restart}
	 * @param target an app's name, {@code postgres} or {@code kafka}
	 * @return what the step said it did
	 * @throws WorkshopException with the step's reason when it refused
	 */
	String act(String action, String target) {
		return message(post("/api/" + action + "/" + target));
	}

	/**
	 * Runs a number of instances of an app and waits until they are healthy.
	 * @param app the app's name
	 * @param instances how many should run
	 * @return what the step said it did
	 * @throws WorkshopException with the step's reason when it refused
	 */
	String scale(String app, int instances) {
		return message(post("/api/scale/" + app + "/" + instances));
	}

	/**
	 * Sends the messages waiting in a dead-letter topic back to the topic they came from.
	 * @param topic the dead-letter topic, {@code <topic>.DLT}
	 * @return what was sent back
	 * @throws WorkshopException with the step's reason when it could not
	 */
	DeadLetters.Replay replay(String topic) {
		return JSON.readValue(send(post("/api/replay/" + topic)), DeadLetters.Replay.class);
	}

	/**
	 * Reads the latest traces the step's apps exported.
	 * @param last how many at most
	 * @return the traces, latest first, and where their pages are
	 * @throws WorkshopException when the step's apps export none
	 */
	TracesAnswer traces(int last) {
		return JSON.readValue(send(get("/api/traces?last=" + last)), TracesAnswer.class);
	}

	/**
	 * Reads one trace.
	 * @param traceId its id
	 * @return the trace, and where its page is
	 * @throws WorkshopException when it has not arrived
	 */
	TracesAnswer trace(String traceId) {
		return JSON.readValue(send(get("/api/traces/" + traceId)), TracesAnswer.class);
	}

	/**
	 * Asks the whole step to stop.
	 * @return what the step said
	 */
	String stopStep() {
		return message(post("/api/stop"));
	}

	private String message(HttpRequest request) {
		return JSON.readTree(send(request)).path("message").asString();
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(this.file.url() + path)).timeout(Duration.ofSeconds(20)).build();
	}

	private HttpRequest post(String path) {
		return HttpRequest.newBuilder(URI.create(this.file.url() + path))
			.timeout(ACTION_TIMEOUT)
			.header("X-Workshop-Token", this.file.token())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
	}

	private String send(HttpRequest request) {
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new WorkshopException("The run of " + this.file.step() + " does not answer on " + this.file.url()
					+ " (" + ex.getMessage() + "). Is it still starting? Try again, or look at its terminal.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while waiting for " + this.file.step() + ".", ex);
		}
		if (response.statusCode() >= 300) {
			JsonNode body = JSON.readTree(response.body());
			throw new WorkshopException(body.path("error").asString("the step answered " + response.statusCode()));
		}
		return response.body();
	}

}
