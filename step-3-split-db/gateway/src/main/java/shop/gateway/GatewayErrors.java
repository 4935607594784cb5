package shop.gateway;

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
 * path no route serves is a 404 {@code not-found}, a backend that cannot answer is a 503
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
			case NOT_FOUND -> this.problems.answer(exchange, status, "not-found", "No such endpoint.");
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
