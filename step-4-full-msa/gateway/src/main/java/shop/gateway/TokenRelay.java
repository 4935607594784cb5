package shop.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one place that checks the administrator's login. Every routed request leaves the
 * gateway with a signed token in {@code Authorization: Bearer}, whatever the client sent
 * there: the administrator's token for the administrator's HTTP Basic login, the
 * anonymous one for a request without a login. A login that is wrong, or any other
 * {@code Authorization}, is answered 401 {@code unauthorized} with the Basic challenge
 * and goes no further. The services verify the token and decide what its caller may do.
 */
@Component
class TokenRelay implements GlobalFilter, Ordered {

	/** After the rate limit, so that a guesser's logins count against its client too. */
	static final int ORDER = ClientRateLimit.ORDER + 100;

	static final String REALM = "shop";

	private final AdminLogin admin;

	private final RelayedTokens tokens;

	private final GatewayProblems problems;

	TokenRelay(AdminLogin admin, RelayedTokens tokens, GatewayProblems problems) {
		this.admin = admin;
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		String token = (authorization == null) ? this.tokens.anonymous()
				: isAdministrator(authorization) ? this.tokens.administrator() : null;
		if (token == null) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
			return this.problems.answer(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
					"The login is wrong: send the administrator's user name and password with HTTP Basic"
							+ " authentication, or no Authorization header at all.");
		}
		return chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
			headers.remove(HttpHeaders.AUTHORIZATION);
			headers.setBearerAuth(token);
		})).build());
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	/** Whether the header is {@code Basic} with the administrator's name and password. */
	private boolean isAdministrator(String authorization) {
		if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String login;
		try {
			login = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false; // not Base64
		}
		int colon = login.indexOf(':');
		return colon >= 0 && this.admin.matches(login.substring(0, colon), login.substring(colon + 1));
	}

}
