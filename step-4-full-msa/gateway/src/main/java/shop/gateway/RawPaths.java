package shop.gateway;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a backend the path exactly as the client wrote it. Spring's URI builder, with
 * which the gateway puts the route's backend in front of the path, turns {@code //} into
 * {@code /}: the backend would answer {@code /api/products//x} as if it were
 * {@code /api/products/x}, a path nobody asked for, and the backend's firewall, which
 * refuses empty segments, would never see them. Runs right after the load balancer put
 * the chosen instance in front of the path (again on each retry), and builds that URI
 * again from the raw path and query.
 */
@Component
class RawPaths implements GlobalFilter, Ordered {

	@Override
	public int getOrder() {
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI backend = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		if (backend != null && backend.getRawAuthority() != null) {
			exchange.getAttributes()
				.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
						RequestedUris.sameRequestOn(backend, exchange.getRequest().getURI()));
		}
		return chain.filter(exchange);
	}

}
