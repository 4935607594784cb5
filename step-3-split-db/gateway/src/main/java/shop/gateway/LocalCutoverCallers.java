package shop.gateway;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets only callers on the gateway's own machine (loopback addresses) see or change the
 * cutover: whoever can move traffic can take the shop down. Anyone else gets a 403
 * problem. The workshop's shop has no user accounts for this; a real one would put it
 * behind its operators' login instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class LocalCutoverCallers implements WebFilter {

	static final String CUTOVER_PATH = "/actuator/cutover";

	private final GatewayProblems problems;

	public LocalCutoverCallers(GatewayProblems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		if (!path.equals(CUTOVER_PATH) && !path.startsWith(CUTOVER_PATH + "/")) {
			return chain.filter(exchange);
		}
		if (isLocal(exchange.getRequest().getRemoteAddress())) {
			return chain.filter(exchange);
		}
		return this.problems.answer(exchange, HttpStatus.FORBIDDEN, "forbidden",
				"The cutover can only be changed from the gateway's own machine (localhost).");
	}

	private static boolean isLocal(InetSocketAddress caller) {
		return caller != null && caller.getAddress() != null && caller.getAddress().isLoopbackAddress();
	}

}
