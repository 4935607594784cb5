package shop.gateway;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes every response name the app that produced it. A backend's {@code X-Served-By}
 * passes through untouched; a response the gateway makes itself (a 503, a 404, its own
 * actuator) says {@code X-Served-By: gateway}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ServedByGateway implements WebFilter {

	/** The header every app of the shop sets on every response. */
	public static final String SERVED_BY = "X-Served-By";

	/** How the gateway names itself. */
	public static final String GATEWAY = "gateway";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			if (!headers.containsHeader(SERVED_BY)) {
				headers.set(SERVED_BY, GATEWAY);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
