package workshop.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 request written byte for byte on a socket, for what the JDK client refuses
 * to send or would rewrite: a path that is not a valid URI ({@code %zz}, a raw NUL or
 * backslash), a path starting with {@code //}, a header with a control character. The
 * request target goes out exactly as given (each character as one byte, ISO-8859-1), with
 * {@code Host} and {@code Connection: close}; the answer is read until the server closes
 * the connection.
 */
public final class RawCall {

	/** No request may hang a test: each one gets this long to be answered. */
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final URI baseUrl;

	private final String method;

	private final String target;

	private final Map<String, String> headers = new LinkedHashMap<>();

	RawCall(URI baseUrl, String method, String target) {
		this.baseUrl = baseUrl;
		this.method = method;
		this.target = target;
	}

	/**
	 * Adds a request header, written as given.
	 * @param name the header name
	 * @param value the header value, any characters
	 * @return this call
	 */
	public RawCall header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	/**
	 * Sends the request and reads the answer.
	 * @return the answer, whatever its status; its path is the request target as sent
	 */
	public ShopResponse send() {
		String host = this.baseUrl.getHost();
		int port = (this.baseUrl.getPort() != -1) ? this.baseUrl.getPort() : 80;
		StringBuilder request = new StringBuilder();
		request.append(this.method).append(' ').append(this.target).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(host).append(':').append(port).append("\r\n");
		this.headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
			socket.setSoTimeout((int) TIMEOUT.toMillis());
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return parse(readAnswer(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No answer to " + this.method + " " + abbreviated(this.target) + " at "
					+ this.baseUrl + ": is the shop running there? (" + ex + ")", ex);
		}
	}

	/**
	 * Everything the server sent before it closed. A server that refuses a request before
	 * reading all of it may reset the connection once it has answered; what came before
	 * the reset is the answer.
	 */
	private static byte[] readAnswer(InputStream in) throws IOException {
		ByteArrayOutputStream answer = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				answer.write(buffer, 0, read);
			}
		}
		catch (SocketException ex) {
			if (answer.size() == 0) {
				throw ex;
			}
		}
		return answer.toByteArray();
	}

	private ShopResponse parse(byte[] answer) {
		String text = new String(answer, StandardCharsets.ISO_8859_1);
		int headEnd = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.") || headEnd < 0) {
			throw new IllegalStateException(
					"Not an HTTP answer to " + this.method + " " + abbreviated(this.target) + ": " + abbreviated(text));
		}
		String[] lines = text.substring(0, headEnd).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).trim(), (name) -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		byte[] rest = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
		boolean chunked = headers.getOrDefault("Transfer-Encoding", List.of())
			.stream()
			.anyMatch((coding) -> coding.toLowerCase(Locale.ROOT).contains("chunked"));
		byte[] body = chunked ? dechunk(rest) : rest;
		return new ShopResponse(this.method, this.target, status, HttpHeaders.of(headers, (name, value) -> true),
				new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String text = new String(chunked, StandardCharsets.ISO_8859_1);
		int position = 0;
		while (position < text.length()) {
			int lineEnd = text.indexOf("\r\n", position);
			int size = Integer.parseInt(text.substring(position, lineEnd).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static String abbreviated(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
	}

}
