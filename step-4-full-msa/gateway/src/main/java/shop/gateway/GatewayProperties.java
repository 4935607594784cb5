package shop.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings, under {@code shop.gateway.*}. The backends' addresses are not
 * among them: the gateway finds each backend's instances by name in the registry.
 *
 * @param timeout the longest a backend may take to answer before the gateway gives up
 * @param rateLimit how many API requests a client may send
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(@DefaultValue("2s") Duration timeout, @DefaultValue RateLimit rateLimit) {

	/**
	 * The limit on the API requests of one client (one remote address), counted in
	 * windows of one second.
	 *
	 * @param requestsPerSecond how many requests a client may send in one second
	 * ({@code 100} by default); the next ones answer 429 until the second is over
	 */
	public record RateLimit(@DefaultValue("100") int requestsPerSecond) {
	}

}
