package shop.gateway;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Turns every error the gateway raises by itself into a problem detail of the contract: a
 * path no route serves is a 404 {@code not-found} (a 400 {@code malformed-request} when
 * it has an empty or a dot segment), a backend that cannot answer is a 503
 * {@code service-unavailable}. Runs before Spring Boot's own error handler, which would
 * answer plain JSON.
 */
@Component
@Order(-2)
public class GatewayErrors implements WebExceptionHandler {

	private static final Log logger = LogFactory.getLog(GatewayErrors.class);

	private final GatewayProblems problems;

	public GatewayErrors(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(failure);
		}
		HttpStatus status = statusOf(failure);
		return switch (status) {
			case NOT_FOUND -> notFound(exchange);
			case METHOD_NOT_ALLOWED -> this.problems.answer(exchange, status, "method-not-allowed",
					"This endpoint does not take " + exchange.getRequest().getMethod() + ".");
			case BAD_REQUEST -> this.problems.answer(exchange, status, "validation-failed", reasonOf(failure));
			case FORBIDDEN -> this.problems.answer(exchange, status, "forbidden", reasonOf(failure));
			case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT, BAD_GATEWAY ->
				this.problems.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
						"A service behind the gateway cannot answer.");
			default -> internalError(exchange, failure);
		};
	}

	/**
	 * A path no route serves. One with an empty or a dot segment ({@code //api/products},
	 * {@code /../api/products}) is malformed, a 400 as every service's firewall answers
	 * it: the client gets the same answer whether or not a route would have matched.
	 */
	private Mono<Void> notFound(ServerWebExchange exchange) {
		String path = exchange.getRequest().getURI().getRawPath();
		if (hasEmptyOrDotSegment(path)) {
			return this.problems.answer(exchange, HttpStatus.BAD_REQUEST, "malformed-request",
					"The path holds an empty segment or a dot segment; write it without them.");
		}
		return this.problems.answer(exchange, HttpStatus.NOT_FOUND, "not-found", "No such endpoint.");
	}

	static boolean hasEmptyOrDotSegment(String rawPath) {
		String[] segments = rawPath.split("/", -1);
		for (int i = 1; i < segments.length; i++) {
			String segment = segments[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
			boolean last = (i == segments.length - 1);
			if ((segment.isEmpty() && !last) || segment.equals(".") || segment.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private Mono<Void> internalError(ServerWebExchange exchange, Throwable failure) {
		logger.error("Gateway failed on " + exchange.getRequest().getPath(), failure);
		return this.problems.answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
				"The gateway failed; the log has the details.");
	}

	private static HttpStatus statusOf(Throwable failure) {
		if (failure instanceof ResponseStatusException statusException) {
			HttpStatus status = HttpStatus.resolve(statusException.getStatusCode().value());
			return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String reasonOf(Throwable failure) {
		if (failure instanceof ResponseStatusException statusException && statusException.getReason() != null) {
			return statusException.getReason();
		}
		return failure.getMessage();
	}

}
