package shop.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the RFC 9457 problem details that the gateway answers by itself, in the shape of
 * the shop's API contract: a stable {@code type}, a {@code title}, the {@code status}, a
 * human {@code detail} and the path the client asked for as {@code instance} (also when a
 * circuit breaker forwarded the request to a fallback path). The instance is always a
 * valid URI reference: a character a URI path may not hold is percent-encoded, and a path
 * over {@value #MAX_INSTANCE_LENGTH} characters is cut there and ends with {@code ...}.
 */
@Component
public class GatewayProblems {

	/** The longest instance, before the {@code ...} that marks a cut path. */
	static final int MAX_INSTANCE_LENGTH = 256;

	private static final String TYPES = "https://workshop.example/problems/";

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private static final String HEX = "0123456789ABCDEF";

	private final JsonMapper json;

	public GatewayProblems(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Answers a problem, unless the response has already started.
	 * @param exchange the request to answer
	 * @param status the HTTP status
	 * @param slug the last part of the problem type, such as {@code service-unavailable}
	 * @param detail what happened, for a human
	 * @return completes when the problem is written
	 */
	public Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String slug, String detail) {
		byte[] body = body(status, slug, detail, RequestedUris.of(exchange).getRawPath());
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	/**
	 * A problem as JSON bytes, for an answer written below Spring.
	 * @param status the HTTP status
	 * @param slug the last part of the problem type, such as {@code malformed-request}
	 * @param detail what happened, for a human
	 * @param path the path as the client sent it, or null when the gateway could not read
	 * it: the problem then names no instance
	 * @return the body, UTF-8 JSON
	 */
	byte[] body(HttpStatus status, String slug, String detail, String path) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create(TYPES + slug).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		if (path != null && !path.isEmpty()) {
			problem.put("instance", instanceOf(path));
		}
		return this.json.writeValueAsBytes(problem);
	}

	/** The path, percent-encoded where a URI path may not hold a character, and cut. */
	static String instanceOf(String path) {
		StringBuilder instance = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (isPathCharacter(c) || (c == '%' && isEscape(path, i))) {
				instance.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					instance.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
				}
			}
		}
		if (instance.length() > MAX_INSTANCE_LENGTH) {
			int end = MAX_INSTANCE_LENGTH;
			int lastEscape = instance.lastIndexOf("%", end - 1);
			if (lastEscape > end - 3) {
				end = lastEscape; // never cut a %XX escape in two
			}
			instance.setLength(end);
			instance.append("...");
		}
		return instance.toString();
	}

	/** Letters, digits and the punctuation RFC 3986 allows in a path. */
	private static boolean isPathCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
	}

	private static boolean isEscape(String path, int percent) {
		return percent + 2 < path.length() && isHexDigit(path.charAt(percent + 1))
				&& isHexDigit(path.charAt(percent + 2));
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
