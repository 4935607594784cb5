package shop.gateway;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Remembers the URI a client asked for. A circuit breaker forwards a failed request to a
 * fallback path, and the fallback's problem still names the path the client asked for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class RequestedUris implements WebFilter {

	private static final String ATTRIBUTE = RequestedUris.class.getName();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getAttributes().put(ATTRIBUTE, exchange.getRequest().getURI());
		return chain.filter(exchange);
	}

	/**
	 * The URI the client asked for, as it arrived at the gateway.
	 * @param exchange the request, possibly forwarded since
	 * @return never null
	 */
	public static URI of(ServerWebExchange exchange) {
		URI requested = exchange.getAttribute(ATTRIBUTE);
		return (requested != null) ? requested : exchange.getRequest().getURI();
	}

	/**
	 * The same path and query on another backend, exactly as the client wrote them: a
	 * {@code //} stays (resolving the path against the backend would read {@code //api}
	 * as a host named {@code api}), and so does every escape.
	 * @param backend the backend's base URL, such as {@code http://localhost:8081}
	 * @param requested the URI the client asked for
	 * @return the backend's URI for the same request
	 */
	public static URI sameRequestOn(URI backend, URI requested) {
		String query = (requested.getRawQuery() != null) ? "?" + requested.getRawQuery() : "";
		return URI.create(backend.getScheme() + "://" + backend.getRawAuthority() + requested.getRawPath() + query);
	}

}
