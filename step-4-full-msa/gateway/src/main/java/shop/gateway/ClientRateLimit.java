package shop.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Limits the API requests of each client, in memory: every routed request takes a permit
 * from its client's limiter (Resilience4j's, {@code shop.gateway.rate-limit} permits a
 * second); one that finds none left is answered 429 {@code too-many-requests} with
 * {@code Retry-After}, and never reaches a backend nor counts against its circuit
 * breaker. The storefront's files and the gateway's actuator are not routed, so never
 * limited.
 * <p>
 * A client is its remote address. Behind a load balancer that would be the balancer's
 * address: the key would then come from the {@code X-Forwarded-For} the balancer sets,
 * and no other (a client can write that header too). A client's limiter is forgotten
 * after a minute without a request. Each gateway instance counts its own clients; a limit
 * shared by several instances needs a shared store, such as Redis.
 */
@Component
class ClientRateLimit implements GlobalFilter, Ordered {

	/**
	 * Before the routes' circuit breakers and retries: a refused request is no failure.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final Duration FORGET_AFTER = Duration.ofMinutes(1);

	private final LoadingCache<String, AtomicRateLimiter> clients;

	private final GatewayProblems problems;

	ClientRateLimit(GatewayProperties properties, GatewayProblems problems) {
		RateLimiterConfig limit = RateLimiterConfig.custom()
			.limitForPeriod(properties.rateLimit().requestsPerSecond())
			.limitRefreshPeriod(Duration.ofSeconds(1))
			.timeoutDuration(Duration.ZERO) // refuse at once: a waiting request holds a
											// connection
			.build();
		this.clients = Caffeine.newBuilder()
			.expireAfterAccess(FORGET_AFTER)
			.build((client) -> new AtomicRateLimiter(client, limit));
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		AtomicRateLimiter limiter = this.clients.get(clientOf(exchange));
		if (limiter.acquirePermission()) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(secondsToWait(limiter)));
		return this.problems.answer(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests",
				"More than " + limiter.getRateLimiterConfig().getLimitForPeriod()
						+ " requests in one second from this client; send again after Retry-After seconds");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static String clientOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

	/**
	 * Whole seconds until the client's next permit, at least one (Retry-After has no
	 * fractions).
	 */
	private static long secondsToWait(AtomicRateLimiter limiter) {
		long nanos = limiter.getDetailedMetrics().getNanosToWait();
		return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
	}

}
