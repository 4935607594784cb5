package shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens as the gateway signs them, for tests that call the service without a gateway in
 * front: signed with a key pair made for this test JVM, whose public half the service
 * verifies them with instead of the gateway's ({@link #publicKeyLocation()}). Each value
 * is a whole {@code Authorization} header.
 */
final class GatewayTokens {

	private static final KeyPair GATEWAY = keyPair();

	private static final JwtEncoder SIGNED_BY_GATEWAY = encoder(GATEWAY);

	private static final JwtEncoder SIGNED_BY_ANOTHER = encoder(keyPair());

	private static final String PUBLIC_KEY_LOCATION = writePublicKey(GATEWAY);

	private GatewayTokens() {
	}

	/** The {@code public-key-location} of the key the tokens are signed with. */
	static String publicKeyLocation() {
		return PUBLIC_KEY_LOCATION;
	}

	/** The token of a caller who did not log in. */
	static String anonymous() {
		return sign(SIGNED_BY_GATEWAY, "anonymous", null, "shop", Duration.ofSeconds(60));
	}

	/** The token of the administrator, with the scope {@code admin}. */
	static String admin() {
		return sign(SIGNED_BY_GATEWAY, "admin", "admin", "shop", Duration.ofSeconds(60));
	}

	/** An administrator's token signed with a key that is not the gateway's. */
	static String signedWithAnotherKey() {
		return sign(SIGNED_BY_ANOTHER, "admin", "admin", "shop", Duration.ofSeconds(60));
	}

	/** An administrator's token for an audience other than the shop. */
	static String forAnotherAudience() {
		return sign(SIGNED_BY_GATEWAY, "admin", "admin", "billing", Duration.ofSeconds(60));
	}

	/** An administrator's token that expired five minutes ago, past any clock skew. */
	static String expired() {
		return sign(SIGNED_BY_GATEWAY, "admin", "admin", "shop", Duration.ofMinutes(-5));
	}

	private static String sign(JwtEncoder encoder, String subject, String scope, String audience, Duration lifetime) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer("gateway")
			.audience(List.of(audience))
			.subject(subject)
			.issuedAt(lifetime.isNegative() ? now.plus(lifetime).minusSeconds(60) : now)
			.expiresAt(now.plus(lifetime));
		if (scope != null) {
			claims.claim("scope", scope);
		}
		return "Bearer " + encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
	}

	private static JwtEncoder encoder(KeyPair keys) {
		return NimbusJwtEncoder.withKeyPair((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()).build();
	}

	private static KeyPair keyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String writePublicKey(KeyPair keys) {
		String pem = "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
		try {
			Path file = Files.createTempFile("gateway-token-key", ".pub");
			file.toFile().deleteOnExit();
			Files.writeString(file, pem);
			return file.toUri().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
