package shop.gateway;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the client gets when a backend is down, too slow, or its circuit breaker is open.
 * The circuit breakers of {@link ShopRoutes} forward failed requests here.
 * <p>
 * Every such request gets a fast 503 {@code service-unavailable} problem naming the app
 * that cannot answer. Nothing is replayed on the other backend: each route has one home,
 * and a write may have reached it.
 */
@RestController
class Fallbacks {

	static final String CATALOG_SERVICE = "/gateway/fallback/catalog-service";

	static final String MONOLITH = "/gateway/fallback/monolith";

	private final GatewayProblems problems;

	Fallbacks(GatewayProblems problems) {
		this.problems = problems;
	}

	@RequestMapping(CATALOG_SERVICE)
	Mono<Void> catalogServiceFailed(ServerWebExchange exchange) {
		return unavailable(exchange, "catalog-service");
	}

	@RequestMapping(MONOLITH)
	Mono<Void> monolithFailed(ServerWebExchange exchange) {
		return unavailable(exchange, "monolith");
	}

	private Mono<Void> unavailable(ServerWebExchange exchange, String app) {
		return this.problems.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + app + " cannot answer right now; try again in a moment.");
	}

}
