package shop.gateway;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * The gateway's settings, under {@code shop.gateway.*}. The backends' addresses are not
 * among them: the gateway finds each backend's instances by name in the registry.
 *
 * @param timeout the longest a backend may take to answer before the gateway gives up
 * @param rateLimit how many API requests a client may send
 * @param token the token the gateway relays to the services
 */
@ConfigurationProperties("shop.gateway")
public record GatewayProperties(@DefaultValue("2s") Duration timeout, @DefaultValue RateLimit rateLimit,
		@DefaultValue Token token) {

	/**
	 * The limit on the API requests of one client (one remote address), counted in
	 * windows of one second.
	 *
	 * @param requestsPerSecond how many requests a client may send in one second
	 * ({@code 100} by default); the next ones answer 429 until the second is over
	 */
	public record RateLimit(@DefaultValue("100") int requestsPerSecond) {
	}

	/**
	 * The signed token (JWT) that tells a service who called.
	 *
	 * @param signingKey the gateway's RSA private key, a PKCS#8 PEM file; the workshop's
	 * own by default, whose public half every service holds
	 * @param lifetime how long a token is valid ({@code 60s} by default)
	 */
	public record Token(@DefaultValue("classpath:gateway-token-key.pem") Resource signingKey,
			@DefaultValue("60s") Duration lifetime) {
	}

}
