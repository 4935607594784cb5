package shop.inventory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 requests written byte for byte on a socket, for what the JDK client refuses to
 * send: a path that is no valid URI, a raw NUL, a header value with a control character.
 * Each character goes out as one byte (ISO-8859-1); the answer is read until the server
 * closes the connection.
 */
final class RawHttp {

	private static final JsonMapper json = JsonMapper.builder().build();

	private RawHttp() {
	}

	static Answer get(int port, String target, String... headers) {
		return send(port, "GET", target, null, headers);
	}

	/**
	 * Sends one request.
	 * @param port the port on localhost
	 * @param method the method, as sent
	 * @param target the request target, as sent
	 * @param jsonBody a JSON body, or null for none
	 * @param headers header lines such as {@code "X-Note: n"}, as sent; without an
	 * {@code Authorization} line, the anonymous token as the gateway adds it
	 * @return the answer
	 */
	static Answer send(int port, String method, String target, String jsonBody, String... headers) {
		StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		if (Arrays.stream(headers).noneMatch((header) -> header.regionMatches(true, 0, "Authorization:", 0, 14))) {
			request.append("Authorization: ").append(GatewayTokens.anonymous()).append("\r\n");
		}
		byte[] body = (jsonBody != null) ? jsonBody.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (jsonBody != null) {
			request.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(body);
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try {
				socket.getInputStream().transferTo(answer);
			}
			catch (SocketException ex) {
				// A server that refuses a request before reading it all may reset the
				// connection after its answer; the answer has arrived by then.
			}
			return Answer.parse(answer.toString(StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Nobody answered " + method + " on port " + port, ex);
		}
	}

	/**
	 * An answer: its status, its headers (by name, in any case) and its body.
	 */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String raw) {
			int headEnd = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, headEnd).split("\r\n");
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
			}
			String body = raw.substring(headEnd + 4);
			if (!body.isEmpty() && "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
				body = dechunk(body);
			}
			byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
			return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers,
					new String(bytes, StandardCharsets.UTF_8));
		}

		String header(String name) {
			return this.headers.get(name);
		}

		JsonNode json() {
			return json.readTree(this.body);
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int position = 0;
			int size;
			do {
				int lineEnd = chunked.indexOf("\r\n", position);
				size = Integer.parseInt(chunked.substring(position, lineEnd).trim(), 16);
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				position = lineEnd + 2 + size + 2;
			}
			while (size > 0);
			return body.toString();
		}

	}

}
