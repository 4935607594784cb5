package workshop.cli.control;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;

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
 * </ul>
 * Only this machine can reach it. Requests must name it as their host (a page of another
 * site that resolves its name to 127.0.0.1 is refused), and changing requests carry the
 * session's token, which only the file's owner can read.
 */
public final class ControlServer implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> ACTIONS = Set.of("stop", "kill", "start", "restart");

	private final StepSession session;

	private final HttpServer server;

	private final ExecutorService executor;

	private final SessionFile file;

	private final Path workDir;

	private ControlServer(StepSession session, HttpServer server, ExecutorService executor, SessionFile file,
			Path workDir) {
		this.session = session;
		this.server = server;
		this.executor = executor;
		this.file = file;
		this.workDir = workDir;
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
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
			// Starting an app waits for it to be healthy: a few requests at once.
			ExecutorService executor = Executors.newFixedThreadPool(4, (task) -> {
				Thread thread = new Thread(task, "workshop-control");
				thread.setDaemon(true);
				return thread;
			});
			server.setExecutor(executor);
			SessionFile file = new SessionFile(session.step().id(), ProcessHandle.current().pid(),
					server.getAddress().getPort(), newToken());
			ControlServer control = new ControlServer(session, server, executor, file, workDir);
			server.createContext("/api/", control::handle);
			server.start();
			file.write(workDir);
			return control;
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot open the control endpoint on loopback: " + ex.getMessage(), ex);
		}
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
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (WorkshopException ex) {
			send(exchange, 409, Map.of("error", ex.getMessage()));
		}
		catch (RuntimeException | LinkageError ex) {
			send(exchange, 500, Map.of("error", "The workshop command failed: " + ex));
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException {
		if (!isOwnHost(exchange.getRequestHeaders().getFirst("Host"))) {
			send(exchange, 403, Map.of("error", "This endpoint answers only requests addressed to it on loopback."));
			return;
		}
		List<String> parts = List.of(exchange.getRequestURI().getPath().substring("/api/".length()).split("/"));
		String method = exchange.getRequestMethod();
		if ("GET".equals(method) && parts.equals(List.of("status"))) {
			send(exchange, 200, StepStatus.of(this.session));
		}
		else if ("GET".equals(method) && parts.size() == 2 && "log".equals(parts.get(0))) {
			sendLog(exchange, parts.get(1));
		}
		else if ("POST".equals(method)) {
			if (!this.file.token().equals(exchange.getRequestHeaders().getFirst("X-Workshop-Token"))) {
				send(exchange, 403, Map.of("error", "Missing or wrong X-Workshop-Token: read it from "
						+ this.workDir.resolve("session.json") + "."));
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

	private void sendLog(HttpExchange exchange, String name) throws IOException {
		int lines = 100;
		String query = exchange.getRequestURI().getQuery();
		if (query != null && query.startsWith("lines=")) {
			try {
				lines = Math.min(Integer.parseInt(query.substring("lines=".length())), 200);
			}
			catch (NumberFormatException ex) {
				send(exchange, 400, Map.of("error", "lines must be a number"));
				return;
			}
		}
		for (ManagedApp app : this.session.managedApps()) {
			if (app.name().equals(name)) {
				send(exchange, 200, Map.of("app", name, "lines", app.lastLines(lines)));
				return;
			}
		}
		send(exchange, 404, Map.of("error", this.session.step().id() + " has no app named '" + name + "'"));
	}

	private boolean isOwnHost(String host) {
		int port = this.server.getAddress().getPort();
		return ("127.0.0.1:" + port).equals(host) || ("localhost:" + port).equals(host);
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
