package workshop.slides;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the built decks ({@code target/slides}) over real HTTP on a free loopback port,
 * and remembers every request it could not answer, so a test can fail on a missing file
 * even when the browser hides the error. It can also leave out part of the deck, as if
 * those files had not been built.
 */
final class DeckServer implements AutoCloseable {

	private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8", "css",
			"text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png",
			"image/png", "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf", "eot",
			"application/vnd.ms-fontobject", "json", "application/json");

	private final Path root;

	private final HttpServer server;

	private final List<String> missingPaths;

	private final List<String> failedRequests = new CopyOnWriteArrayList<>();

	private DeckServer(Path root, List<String> missingPaths) throws IOException {
		this.root = root.toAbsolutePath().normalize();
		this.missingPaths = missingPaths;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::serve);
	}

	/**
	 * Starts serving {@code root}, answering 404 for every path that starts with one of
	 * {@code missingPaths} (for example {@code "/fonts/"}); the caller must
	 * {@link #close()} the server.
	 */
	static DeckServer start(Path root, String... missingPaths) throws IOException {
		DeckServer deckServer = new DeckServer(root, List.of(missingPaths));
		deckServer.server.start();
		return deckServer;
	}

	/**
	 * The origin to prefix paths with, for example {@code http://127.0.0.1:41234}.
	 */
	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Every request answered with an error since the last call, as {@code "404 /path"}.
	 */
	List<String> takeFailedRequests() {
		List<String> taken = List.copyOf(this.failedRequests);
		this.failedRequests.removeAll(taken);
		return taken;
	}

	private void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Path file = this.root.resolve(path.substring(1)).normalize();
		boolean leftOut = this.missingPaths.stream().anyMatch(path::startsWith);
		if (leftOut || !file.startsWith(this.root) || !Files.isRegularFile(file)) {
			this.failedRequests.add("404 " + path);
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", contentType(file));
		exchange.sendResponseHeaders(200, Files.size(file));
		try (OutputStream body = exchange.getResponseBody()) {
			Files.copy(file, body);
		}
	}

	private static String contentType(Path file) {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1);
		return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
