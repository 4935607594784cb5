package shop.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks the administrator's login and relays a signed token instead: the
 * backends see {@code Authorization: Bearer} with a JWT that the gateway's key signed,
 * never the client's own header.
 */
class TokenRelayIntegrationTests extends GatewayIntegrationTest {

	private static final String ADMIN = basic("admin", "admin");

	@Test
	void aRequestWithoutALoginCarriesTheAnonymousToken() throws Exception {
		assertThat(get("/api/products").statusCode()).isEqualTo(200);

		Jwt token = relayed(CATALOG_SERVICE);
		assertThat(token.getSubject()).isEqualTo("anonymous");
		assertThat(token.getAudience()).containsExactly("shop");
		assertThat(token.getClaimAsString("iss")).isEqualTo("gateway");
		assertThat(token.hasClaim("scope")).isFalse();
		assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void theAdministratorsLoginBecomesATokenWithTheAdminScope() throws Exception {
		assertThat(get("/api/inventory/SKU-1", "Authorization", ADMIN).statusCode()).isEqualTo(200);

		Jwt token = relayed(INVENTORY_SERVICE);
		assertThat(token.getSubject()).isEqualTo("admin");
		assertThat(token.getClaimAsString("scope")).isEqualTo("admin");
	}

	@Test
	void aWrongPasswordIsAnswered401WithTheBasicChallengeAndReachesNoBackend() {
		int before = backendRequests();

		HttpResponse<String> response = get("/api/products", "Authorization", basic("admin", "guess"));

		assertUnauthorized(response, "/api/products");
		assertThat(backendRequests()).isEqualTo(before);
	}

	@Test
	void aTokenTheClientMadeItselfIsNoLogin() {
		int before = backendRequests();

		for (String authorization : List.of("Bearer eyJhbGciOiJub25lIn0.eyJzY29wZSI6ImFkbWluIn0.", "Basic not-base64!",
				"Basic " + Base64.getEncoder().encodeToString("admin".getBytes()))) {
			assertUnauthorized(get("/api/orders/1", "Authorization", authorization), "/api/orders/1");
		}
		assertThat(backendRequests()).isEqualTo(before);
	}

	@Test
	void theStorefrontNeedsNoToken() {
		HttpResponse<String> page = get("/", "Authorization", basic("admin", "guess"));

		assertThat(page.statusCode()).isEqualTo(200);
	}

	private static void assertUnauthorized(HttpResponse<String> response, String path) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"shop\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"https://workshop.example/problems/unauthorized\"")
			.contains("\"status\":401")
			.contains("\"instance\":\"" + path + "\"");
	}

	/** The backend's last token, verified with the public half of the gateway's key. */
	private static Jwt relayed(FakeBackend backend) throws Exception {
		String authorization = backend.lastAuthorization();
		assertThat(authorization).startsWith("Bearer ");
		return NimbusJwtDecoder.withPublicKey(gatewayPublicKey()).build().decode(authorization.substring(7));
	}

	private static RSAPublicKey gatewayPublicKey() throws IOException, GeneralSecurityException {
		try (InputStream pem = new ClassPathResource("gateway-token-key.pem").getInputStream()) {
			return RelayedTokens.publicKeyOf(RsaKeyConverters.pkcs8().convert(pem));
		}
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
	}

}
