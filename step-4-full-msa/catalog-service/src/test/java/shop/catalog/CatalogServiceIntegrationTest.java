package shop.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import workshop.infra.SharedInfrastructure;

/**
 * The one configuration of every integration test: the catalog service on a random port
 * against the embedded PostgreSQL of the infra module, with a plain JDK HTTP client. Its
 * database is {@code catalog} on the infra module's shared server, as in
 * {@code ./workshop run}, and its broker the infra module's shared Kafka. Every test
 * class extends it unchanged, so Spring starts one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CatalogServiceIntegrationTest {

	@DynamicPropertySource
	static void catalogDatabaseAndBroker(DynamicPropertyRegistry properties) {
		properties.add("workshop.infra.database", () -> "catalog");
		properties.add("spring.kafka.bootstrap-servers", () -> SharedInfrastructure.kafka().bootstrapServers());
		// no order service and no inventory here: a write waits for no subscriber
		properties.add("shop.cdc.synchronous-subscribers", () -> "");
		// no gateway either: the tests sign its tokens with a key of their own
		properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				GatewayTokens::publicKeyLocation);
	}

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	protected HttpResponse<String> postAsAdmin(String path, String body) {
		return send(request(path).setHeader("Authorization", GatewayTokens.admin())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A request with the anonymous token, as the gateway sends one for a caller who did
	 * not log in; {@code setHeader("Authorization", …)} replaces it.
	 */
	protected HttpRequest.Builder request(String path) {
		return requestWithoutToken(path).setHeader("Authorization", GatewayTokens.anonymous());
	}

	/** A request with no {@code Authorization}, such as one that bypasses the gateway. */
	protected HttpRequest.Builder requestWithoutToken(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The catalog service did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the catalog service", ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	protected int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

}
