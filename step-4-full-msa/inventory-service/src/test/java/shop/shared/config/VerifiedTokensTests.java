package shop.shared.config;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A token is verified once and answered from memory until it expires; a token that fails
 * is never kept. The decoder behind is a counting stand-in: what verifying means is the
 * resource server's, tested through the API in the integration tests.
 */
class VerifiedTokensTests {

	private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");

	private final AtomicReference<Instant> now = new AtomicReference<>(START);

	private final AtomicInteger verifications = new AtomicInteger();

	private final JwtDecoder verifier = (token) -> {
		this.verifications.incrementAndGet();
		if (token.startsWith("bad")) {
			throw new BadJwtException("signature does not verify");
		}
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("anonymous")
			.issuedAt(this.now.get())
			.expiresAt(this.now.get().plusSeconds(60))
			.build();
	};

	private final VerifiedTokens tokens = new VerifiedTokens(this.verifier, this.now::get);

	@Test
	void verifiesATokenOnceWhileItLives() {
		Jwt first = this.tokens.decode("token-1");
		this.now.set(START.plusSeconds(59));
		Jwt again = this.tokens.decode("token-1");

		assertThat(again).isSameAs(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void verifiesAnExpiredTokenAgain() {
		this.tokens.decode("token-1");
		this.now.set(START.plusSeconds(60));

		this.tokens.decode("token-1");

		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void keepsNoTokenThatFailed() {
		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.tokens.decode("bad-token"));
		}

		assertThat(this.verifications).hasValue(2);
		assertThat(this.tokens.kept()).isZero();
	}

	@Test
	void keepsABoundedNumberAndForgetsTheExpired() {
		for (int i = 0; i < VerifiedTokens.KEPT + 10; i++) {
			this.tokens.decode("token-" + i);
		}
		assertThat(this.tokens.kept()).isEqualTo(VerifiedTokens.KEPT);

		this.now.set(START.plus(Duration.ofMinutes(2)));
		this.tokens.decode("token-new");

		assertThat(this.tokens.kept()).isOne();
	}

}
