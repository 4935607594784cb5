package shop.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.io.Resource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * The short-lived tokens the gateway relays to the services: JWTs signed (RS256) with the
 * gateway's private key, which each service verifies with the matching public key. A
 * token names its caller as {@code sub}: {@code anonymous}, or the administrator, whose
 * token also carries {@code scope: admin}. Its audience is {@code shop}, its issuer
 * {@code gateway}, and it expires after {@code shop.gateway.token.lifetime}.
 * <p>
 * There are two callers only, so each one's token is kept and reused until half of its
 * life is over: a service never gets a token that expires in transit, and the gateway
 * signs twice a lifetime, not once a request.
 */
@Component
class RelayedTokens {

	static final String ISSUER = "gateway";

	static final String AUDIENCE = "shop";

	static final String ANONYMOUS = "anonymous";

	static final String ADMIN_SCOPE = "admin";

	private final JwtEncoder encoder;

	private final Duration lifetime;

	private final String administrator;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	RelayedTokens(GatewayProperties properties, AdminLogin admin) {
		this.encoder = encoder(properties.token().signingKey());
		this.lifetime = properties.token().lifetime();
		this.administrator = admin.username();
	}

	/** The token of a caller who sent no login. */
	String anonymous() {
		return tokenOf(ANONYMOUS);
	}

	/** The token of the administrator, with the scope {@code admin}. */
	String administrator() {
		return tokenOf(this.administrator);
	}

	private String tokenOf(String subject) {
		Instant now = Instant.now();
		return this.tokens
			.compute(subject, (key, kept) -> (kept != null && now.isBefore(kept.renewAt())) ? kept : sign(key, now))
			.value();
	}

	private Token sign(String subject, Instant now) {
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.audience(List.of(AUDIENCE))
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(this.lifetime));
		if (!subject.equals(ANONYMOUS)) {
			claims.claim("scope", ADMIN_SCOPE);
		}
		String value = this.encoder.encode(JwtEncoderParameters.from(claims.build())).getTokenValue();
		return new Token(value, now.plus(this.lifetime.dividedBy(2)));
	}

	/**
	 * An encoder for the PKCS#8 private key in a PEM file. Its public half, which the
	 * encoder names in the token's key id, is computed from the private key's modulus and
	 * exponent: one file to keep, not two that must match.
	 */
	private static JwtEncoder encoder(Resource pem) {
		try (InputStream in = pem.getInputStream()) {
			RSAPrivateKey privateKey = RsaKeyConverters.pkcs8().convert(in);
			return NimbusJwtEncoder.withKeyPair(publicKeyOf(privateKey), privateKey).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token signing key " + pem
					+ ": set shop.gateway.token.signing-key to a PKCS#8 PEM file", ex);
		}
		catch (GeneralSecurityException | ClassCastException | IllegalArgumentException ex) {
			throw new IllegalStateException("The token signing key " + pem
					+ " is no RSA private key in PKCS#8 PEM (openssl genpkey -algorithm RSA makes one)", ex);
		}
	}

	/** The public half of a private key that carries its modulus and public exponent. */
	static RSAPublicKey publicKeyOf(RSAPrivateKey privateKey) throws GeneralSecurityException {
		RSAPrivateCrtKey full = (RSAPrivateCrtKey) privateKey;
		return (RSAPublicKey) KeyFactory.getInstance("RSA")
			.generatePublic(new RSAPublicKeySpec(full.getModulus(), full.getPublicExponent()));
	}

	private record Token(String value, Instant renewAt) {
	}

}
