package shop.gateway;

import java.net.URI;
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
 * circuit breaker forwarded the request to a fallback path).
 */
@Component
public class GatewayProblems {

	private static final String TYPES = "https://workshop.example/problems/";

	private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

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
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", URI.create(TYPES + slug).toString());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", RequestedUris.of(exchange).getRawPath());
		byte[] body = this.json.writeValueAsBytes(problem);
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(PROBLEM_JSON);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

}
