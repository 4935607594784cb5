package workshop.cli.slides;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * Serves the files of one folder over HTTP, read-only. {@code /} redirects to a start
 * page. Paths that leave the folder, and files that do not exist, get a 404.
 */
final class StaticFiles implements HttpHandler {

	private static final Map<String, String> CONTENT_TYPES = Map.of("html", "text/html; charset=utf-8", "css",
			"text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png",
			"image/png", "woff", "font/woff", "woff2", "font/woff2", "ttf", "font/ttf", "json", "application/json");

	private final Path root;

	private final String startPage;

	/**
	 * Creates the handler.
	 * @param root the folder to serve
	 * @param startPage where {@code /} redirects to, such as {@code /ko/index.html}
	 */
	StaticFiles(Path root, String startPage) {
		this.root = root.toAbsolutePath().normalize();
		this.startPage = startPage;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/")) {
				exchange.getResponseHeaders().set("Location", this.startPage);
				exchange.sendResponseHeaders(302, -1);
				return;
			}
			Path file = this.root.resolve(path.substring(1)).normalize();
			boolean readable = exchange.getRequestMethod().equals("GET") && file.startsWith(this.root)
					&& Files.isRegularFile(file);
			if (!readable) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", contentType(file));
			exchange.sendResponseHeaders(200, Files.size(file));
			try (OutputStream body = exchange.getResponseBody()) {
				Files.copy(file, body);
			}
		}
	}

	private static String contentType(Path file) {
		String name = file.getFileName().toString();
		return CONTENT_TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
	}

}
