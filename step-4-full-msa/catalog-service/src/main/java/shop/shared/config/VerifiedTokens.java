package shop.shared.config;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The gateway's tokens, each verified once. The gateway sends the same token for half of
 * its life, so the service would check the same RSA signature on every request; a token
 * that verified is kept, by its exact text, until it expires, and any other text goes to
 * the decoder that checks signature, audience and expiry. Nothing that failed is kept,
 * and at most {@link #KEPT} tokens are.
 */
final class VerifiedTokens implements JwtDecoder {

	/** More than the gateway's callers ever have tokens alive at once. */
	static final int KEPT = 64;

	private final JwtDecoder verifier;

	private final Supplier<Instant> now;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	/**
	 * Keeps what one decoder verified.
	 * @param verifier the decoder that checks each token not seen before
	 * @param now the clock that says when a kept token expired
	 */
	VerifiedTokens(JwtDecoder verifier, Supplier<Instant> now) {
		this.verifier = verifier;
		this.now = now;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Jwt known = this.verified.get(token);
		if (known != null && unexpired(known, this.now.get())) {
			return known;
		}
		Jwt jwt = this.verifier.decode(token);
		keep(token, jwt);
		return jwt;
	}

	/** How many tokens are kept. */
	int kept() {
		return this.verified.size();
	}

	private void keep(String token, Jwt jwt) {
		Instant now = this.now.get();
		this.verified.values().removeIf((kept) -> !unexpired(kept, now));
		if (unexpired(jwt, now) && this.verified.size() < KEPT) {
			this.verified.put(token, jwt);
		}
	}

	private static boolean unexpired(Jwt jwt, Instant now) {
		return jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt());
	}

}
