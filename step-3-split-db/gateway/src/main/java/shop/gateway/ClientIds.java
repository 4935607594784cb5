package shop.gateway;

import java.time.Duration;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request a client id, the key of sticky routing: the {@code X-Client-Id}
 * header when the client sends one, otherwise the {@code shop-client} cookie, otherwise a
 * new random id that the gateway sets as that cookie, so the browser keeps it for a year.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ClientIds implements WebFilter {

	/** Header a client may send to name itself, for scripts and tests. */
	public static final String HEADER = "X-Client-Id";

	/** Cookie that keeps a browser's client id. */
	public static final String COOKIE = "shop-client";

	private static final String ATTRIBUTE = ClientIds.class.getName();

	private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String clientId = exchange.getRequest().getHeaders().getFirst(HEADER);
		if (clientId == null || clientId.isBlank()) {
			HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
			clientId = (cookie != null) ? cookie.getValue() : null;
		}
		if (clientId == null || clientId.isBlank()) {
			clientId = UUID.randomUUID().toString();
			exchange.getResponse()
				.addCookie(ResponseCookie.from(COOKIE, clientId)
					.path("/")
					.maxAge(COOKIE_LIFETIME)
					.httpOnly(true)
					.sameSite("Lax")
					.build());
		}
		exchange.getAttributes().put(ATTRIBUTE, clientId);
		return chain.filter(exchange);
	}

	/**
	 * The client id of a request that went through this filter.
	 * @param exchange the request
	 * @return never null
	 */
	public static String of(ServerWebExchange exchange) {
		String clientId = exchange.getAttribute(ATTRIBUTE);
		if (clientId == null) {
			throw new IllegalStateException("no client id: the ClientIds filter did not run for this request");
		}
		return clientId;
	}

}
