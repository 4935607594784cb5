package workshop.cli.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * The control room: a static page (HTML, CSS and JavaScript from the CLI's resources
 * under {@code control-room/}, no build step) that draws the running step from the
 * control endpoint's own JSON API and pulls its levers through the same API as the
 * commands.
 * <p>
 * The page needs the session's token for its levers. It is written into the HTML the
 * endpoint serves ({@code <meta name="workshop-token">}): only a page loaded from this
 * endpoint can read it, since a page of another site cannot read this endpoint's answers
 * (no CORS headers are ever sent), cannot frame it ({@code frame-ancestors 'none'}), and
 * cannot reach it under another name (the {@code Host} check).
 */
final class ControlRoomPage {

	static final String PATH = "/control-room/";

	private static final String TOKEN_PLACEHOLDER = "{{workshop-token}}";

	private static final Map<String, String> FILES = Map.of("index.html", "text/html; charset=utf-8", "app.js",
			"text/javascript; charset=utf-8", "style.css", "text/css; charset=utf-8");

	private final String token;

	ControlRoomPage(String token) {
		this.token = token;
	}

	/**
	 * Answers a GET for the page or one of its files.
	 * @param exchange the request, whose path is {@code /} or under {@link #PATH}
	 * @return false when there is no such file
	 * @throws IOException when the answer cannot be sent
	 */
	boolean serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if ("/".equals(path) || "/control-room".equals(path)) {
			exchange.getResponseHeaders().set("Location", PATH);
			exchange.sendResponseHeaders(302, -1);
			return true;
		}
		String name = path.substring(PATH.length());
		if (name.isEmpty()) {
			name = "index.html";
		}
		String type = FILES.get(name);
		if (type == null) {
			return false;
		}
		byte[] body = read(name);
		if ("index.html".equals(name)) {
			body = new String(body, StandardCharsets.UTF_8).replace(TOKEN_PLACEHOLDER, this.token)
				.getBytes(StandardCharsets.UTF_8);
		}
		var headers = exchange.getResponseHeaders();
		headers.set("Content-Type", type);
		headers.set("Cache-Control", "no-store");
		headers.set("Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
		headers.set("X-Frame-Options", "DENY");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
		return true;
	}

	private static byte[] read(String name) {
		try (InputStream in = ControlRoomPage.class.getResourceAsStream("/control-room/" + name)) {
			if (in == null) {
				throw new IllegalStateException("control-room/" + name + " is missing from the workshop command's jar");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
