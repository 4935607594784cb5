package workshop.cli.control;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;
import workshop.cli.system.LoopbackServer;
import workshop.cli.traces.Trace;
import workshop.cli.traces.TraceCollector;
import workshop.cli.traces.TraceStore;

/**
 * The control endpoint of a running step: a small JSON API on a free loopback port, found
 * by other terminals through {@link SessionFile}. Every command that acts on the step
 * goes through it, so {@code ./workshop kill}, a test and a page all do the same thing.
 * <ul>
 * <li>{@code GET /api/status}: {@link StepStatus}.</li>
 * <li>{@code GET /api/log/<app>?lines=N}: the app's last lines.</li>
 * <li>{@code POST /api/<stop|kill|start|restart>/<app or server>}: acts, answers
 * {@code {"message": ...}} once done, or {@code {"error": ...}} with 409.</li>
 * <li>{@code POST /api/stop}: ends the whole step.</li>
 * <li>{@code POST /api/scale/<app>/<instances>}: starts or stops further instances of an
 * app that others find in the registry ({@link StepSession#scale}).</li>
 * <li>{@code POST /api/replay/<topic>.DLT}: sends the messages waiting in a dead-letter
 * topic back to where they came from; answers what it sent
 * ({@link DeadLetters.Replay}).</li>
 * <li>{@code GET /api/traffic}: requests per second per app and per call
 * ({@link Traffic}).</li>
 * <li>{@code GET /api/infra}: the servers' databases, roles, topics and lag
 * ({@link InfraView}).</li>
 * <li>{@code GET /api/traces?last=N}: the latest traces the apps exported, latest first;
 * {@code GET /api/traces/<id>}: one ({@link TracesAnswer}).</li>
 * <li>{@code POST /api/cutover/<route>} with {@code {"weight": N}}: moves the gateway's
 * cutover; answers the gateway's policy.</li>
 * <li>{@code GET /}: the control room page ({@link ControlRoomPage}), which uses the API
 * above.</li>
 * </ul>
 * Only this machine can reach it. Requests must name it as their host (a page of another
 * site that resolves its name to 127.0.0.1 is refused), and changing requests carry the
 * session's token, which only the file's owner and the control room page can read. A
 * changing request that a browser marks as sent by another site ({@code Origin}) is
 * refused too.
 */
public final class ControlServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> ACTIONS = Set.of("stop", "kill", "start", "restart");

	private final StepSession session;

	private final LoopbackServer server;

	private final SessionFile file;

	private final Path workDir;

	private final TrafficMeter traffic;

	private final ControlRoomPage page;

	private ControlServer(StepSession session, LoopbackServer server, SessionFile file, Path workDir) {
		this.session = session;
		this.server = server;
		this.file = file;
		this.workDir = workDir;
		this.traffic = new TrafficMeter(session);
		this.page = new ControlRoomPage(file.token());
	}

	/**
	 * Serves a running session and writes its {@link SessionFile}.
	 * @param session the running step
	 * @param workDir the workspace's own folder, where the file goes
	 * @return the running endpoint; close it to stop serving and delete the file
	 * @throws WorkshopException when another step already runs in this folder
	 */
	public static ControlServer start(StepSession session, Path workDir) {
		SessionFile.deleteStale(workDir);
		SessionFile.read(workDir).ifPresent((running) -> {
			throw new WorkshopException(running.step() + " is already running in this folder (pid " + running.pid()
					+ "). Stop it first: Ctrl-C in its terminal, or ./workshop stop.");
		});
		try {
			// Starting an app waits for it to be healthy, while the control room polls:
			// a few requests at once.
			LoopbackServer server = LoopbackServer.bind("workshop-control", 8);
			SessionFile file = new SessionFile(session.step().id(), ProcessHandle.current().pid(), server.port(),
					newToken());
			ControlServer control = new ControlServer(session, server, file, workDir);
			server.serve(control::handle);
			file.write(workDir);
			return control;
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot open the control endpoint on loopback: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the control room's address.
	 * @return {@code http://127.0.0.1:<port>/control-room/}
	 */
	public String pageUrl() {
		return this.file.url() + ControlRoomPage.PATH;
	}

	/**
	 * Returns the session file other terminals read.
	 * @return the file's content
	 */
	public SessionFile file() {
		return this.file;
	}

	/** Stops serving and deletes the session file. */
	@Override
	public void close() {
		this.file.delete(this.workDir);
		this.server.close();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (WorkshopException ex) {
			send(exchange, 409, Map.of("error", ex.getMessage()));
		}
		catch (JacksonException ex) {
			send(exchange, 400, Map.of("error", "The body must be JSON, such as {\"weight\": 50}."));
		}
		catch (RuntimeException | LinkageError ex) {
			send(exchange, 500, Map.of("error", "The workshop command failed: " + ex));
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		if (!this.server.isOwnHost(exchange.getRequestHeaders().getFirst("Host"))) {
			send(exchange, 403, Map.of("error", "This endpoint answers only requests addressed to it on loopback."));
			return;
		}
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		if (!path.startsWith("/api/")) {
			if (!"GET".equals(method) || !this.page.serve(exchange)) {
				send(exchange, 404, Map.of("error",
						"No such page: " + method + " " + path + ". The control room is at " + pageUrl()));
			}
			return;
		}
		List<String> parts = List.of(path.substring("/api/".length()).split("/"));
		if ("GET".equals(method) && parts.equals(List.of("status"))) {
			send(exchange, 200, StepStatus.of(this.session));
		}
		else if ("GET".equals(method) && parts.equals(List.of("traffic"))) {
			send(exchange, 200, this.traffic.read());
		}
		else if ("GET".equals(method) && parts.equals(List.of("infra"))) {
			send(exchange, 200, InfraView.of(this.session));
		}
		else if ("GET".equals(method) && parts.size() == 2 && "log".equals(parts.get(0))) {
			sendLog(exchange, parts.get(1));
		}
		else if ("GET".equals(method) && "traces".equals(parts.get(0)) && parts.size() <= 2) {
			sendTraces(exchange, (parts.size() == 2) ? parts.get(1) : null);
		}
		else if ("POST".equals(method)) {
			if (!this.file.token().equals(exchange.getRequestHeaders().getFirst("X-Workshop-Token"))) {
				send(exchange, 403, Map.of("error", "Missing or wrong X-Workshop-Token: read it from "
						+ this.workDir.resolve("session.json") + "."));
			}
			else if (!isOwnOrigin(exchange.getRequestHeaders().getFirst("Origin"))) {
				send(exchange, 403,
						Map.of("error", "Changing requests are accepted from the control room's own page only."));
			}
			else if (parts.size() == 2 && "cutover".equals(parts.get(0))) {
				int weight = JSON.readTree(exchange.getRequestBody()).path("weight").asInt(-1);
				send(exchange, 200, Map.of("message", "Route " + parts.get(1) + " at weight " + weight + ".", "policy",
						CutoverLever.move(this.session, parts.get(1), weight)));
			}
			else if (parts.size() == 3 && "scale".equals(parts.get(0))) {
				send(exchange, 200, Map.of("message", this.session.scale(parts.get(1), instances(parts.get(2)))));
			}
			else if (parts.size() == 2 && "replay".equals(parts.get(0))) {
				send(exchange, 200, DeadLetters.of(this.session).replay(parts.get(1)));
			}
			else if (parts.equals(List.of("stop"))) {
				send(exchange, 202, Map.of("message", "Stopping " + this.session.step().id() + "."));
				this.session.requestStop();
			}
			else if (parts.size() == 2 && ACTIONS.contains(parts.get(0))) {
				send(exchange, 200, Map.of("message", this.session.control(parts.get(0), parts.get(1))));
			}
			else {
				send(exchange, 404, Map.of("error", "No such action: " + exchange.getRequestURI().getPath()));
			}
		}
		else {
			send(exchange, 404, Map.of("error", "No such resource: " + method + " " + exchange.getRequestURI()));
		}
	}

	private static int instances(String count) {
		try {
			return Integer.parseInt(count);
		}
		catch (NumberFormatException ex) {
			throw new WorkshopException("'" + count + "' is no number of instances: give one such as 2.");
		}
	}

	private void sendLog(HttpExchange exchange, String name) throws IOException {
		int lines = number(exchange, "lines", 100, 200);
		if (lines < 0) {
			send(exchange, 400, Map.of("error", "lines must be a positive number"));
			return;
		}
		for (ManagedApp app : this.session.managedApps()) {
			if (app.name().equals(name)) {
				send(exchange, 200, Map.of("app", name, "lines", app.lastLines(lines)));
				return;
			}
		}
		send(exchange, 404, Map.of("error", this.session.step().id() + " has no app named '" + name + "'"));
	}

	private void sendTraces(HttpExchange exchange, String traceId) throws IOException {
		TraceCollector traces = this.session.traces().orElse(null);
		if (traces == null) {
			send(exchange, 404, Map.of("error", this.session.step().id() + "'s apps export no traces."));
		}
		else if (traceId != null) {
			Trace trace = traces.store().trace(traceId).orElse(null);
			if (trace == null) {
				send(exchange, 404, Map.of("error", "No trace " + traceId + " has arrived (spans come every second:"
						+ " try again), or it is older than the " + TraceStore.MAX_TRACES + " latest."));
			}
			else {
				send(exchange, 200, new TracesAnswer(traces.pagesUrl(), List.of(trace)));
			}
		}
		else {
			int last = number(exchange, "last", 10, TraceStore.MAX_TRACES);
			if (last < 0) {
				send(exchange, 400, Map.of("error", "last must be a positive number"));
				return;
			}
			send(exchange, 200, new TracesAnswer(traces.pagesUrl(), traces.store().latest(last)));
		}
	}

	/**
	 * Reads the query's only parameter, {@code ?<name>=N}.
	 * @return N at most {@code max}, {@code fallback} when the query does not name it, or
	 * -1 when it is not a positive number
	 */
	private static int number(HttpExchange exchange, String name, int fallback, int max) {
		String query = exchange.getRequestURI().getQuery();
		if (query == null || !query.startsWith(name + "=")) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(query.substring(name.length() + 1));
			return (value > 0) ? Math.min(value, max) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** No origin (a command, a test) or this endpoint's own (its page). */
	private boolean isOwnOrigin(String origin) {
		return origin == null || this.server.isOwnHost(origin.replaceFirst("^http://", ""));
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String newToken() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
