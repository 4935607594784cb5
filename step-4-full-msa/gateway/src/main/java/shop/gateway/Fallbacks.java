package shop.gateway;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the client gets when a backend is down, too slow, or its circuit breaker is open.
 * The circuit breakers of {@link ShopRoutes} forward failed requests here, to
 * {@code /gateway/fallback/<backend>}.
 * <p>
 * Every such request gets a fast 503 {@code service-unavailable} problem naming the app
 * that cannot answer: a read that no instance answered, or a write the first instance did
 * not answer (it is not sent to another: it may have reached the first).
 */
@RestController
class Fallbacks {

	static final String PATH = "/gateway/fallback/";

	private final GatewayProblems problems;

	Fallbacks(GatewayProblems problems) {
		this.problems = problems;
	}

	@RequestMapping(PATH + "{app}")
	Mono<Void> backendFailed(@PathVariable String app, ServerWebExchange exchange) {
		return this.problems.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + app + " cannot answer right now; try again in a moment.");
	}

}
