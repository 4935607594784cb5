package shop.gateway;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the client gets when a backend is down, too slow, or its circuit breaker is open.
 * The circuit breakers of {@link ShopRoutes} forward failed requests here.
 * <p>
 * The catalog service's reads fall back to the monolith when the route's policy says
 * {@code fallback: monolith}; everything else is a fast 503 {@code service-unavailable}
 * problem. A write is never replayed on the other side: it may have reached the first
 * one.
 */
@RestController
class Fallbacks {

	static final String CATALOG_SERVICE = "/gateway/fallback/catalog-service";

	static final String MONOLITH = "/gateway/fallback/monolith";

	private final Cutover cutover;

	private final GatewayProblems problems;

	private final WebClient backends;

	private final URI monolith;

	Fallbacks(Cutover cutover, GatewayProblems problems, WebClient backends, GatewayProperties properties) {
		this.cutover = cutover;
		this.problems = problems;
		this.backends = backends;
		this.monolith = properties.monolithUrl();
	}

	// tag::catalog-fallback[]
	@RequestMapping(CATALOG_SERVICE)
	Mono<Void> catalogServiceFailed(ServerWebExchange exchange) {
		boolean read = exchange.getRequest().getMethod() == HttpMethod.GET;
		if (read && this.cutover.policy(Cutover.CATALOG).fallback() == CutoverPolicy.Fallback.MONOLITH) {
			return answerFromMonolith(exchange);
		}
		return unavailable(exchange, "catalog-service");
	}
	// end::catalog-fallback[]

	@RequestMapping(MONOLITH)
	Mono<Void> monolithFailed(ServerWebExchange exchange) {
		return unavailable(exchange, "monolith");
	}

	private Mono<Void> unavailable(ServerWebExchange exchange, String app) {
		return this.problems.answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
				"The " + app + " cannot answer right now; try again in a moment.");
	}

	private Mono<Void> answerFromMonolith(ServerWebExchange exchange) {
		return this.backends.get()
			.uri(RequestedUris.sameRequestOn(this.monolith, RequestedUris.of(exchange)))
			.headers((headers) -> copyRequestHeaders(exchange, headers))
			.exchangeToMono((answer) -> {
				exchange.getResponse().setStatusCode(answer.statusCode());
				HttpHeaders headers = exchange.getResponse().getHeaders();
				headers.addAll(answer.headers().asHttpHeaders());
				// framing belongs to the connection it came on; this server frames its
				// own answer
				headers.remove(HttpHeaders.TRANSFER_ENCODING);
				headers.remove(HttpHeaders.CONNECTION);
				return exchange.getResponse().writeWith(answer.bodyToFlux(DataBuffer.class));
			})
			.onErrorResume((failure) -> unavailable(exchange, "catalog-service"));
	}

	private static void copyRequestHeaders(ServerWebExchange exchange, HttpHeaders headers) {
		headers.addAll(exchange.getRequest().getHeaders());
		headers.remove(HttpHeaders.HOST);
	}

}
