package shop.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the service's Tomcat and security firewall refuse before any endpoint runs gets a
 * problem detail named {@code catalog-service}, like every other error.
 */
class MalformedRequestIntegrationTests extends CatalogServiceIntegrationTest {

	private static final String PROBLEMS = "https://workshop.example/problems/";

	@LocalServerPort
	int port;

	@Test
	void answersProblemsForPathsTomcatRefusesBeforeAnyFilter() {
		JsonNode encodedSlash = assertProblem(RawHttp.get(this.port, "/api/products/a%2Fb"), 400, "malformed-request");
		assertThat(encodedSlash.path("instance").asString()).isEqualTo("/api/products/a%2Fb");
		JsonNode badEscape = assertProblem(RawHttp.get(this.port, "/api/products/a%zz"), 400, "malformed-request");
		assertThat(badEscape.path("instance").asString()).isEqualTo("/api/products/a%25zz");
		RawHttp.Answer nul = RawHttp.get(this.port, "/api/products/a\u0000b");
		assertThat(assertProblem(nul, 400, "malformed-request").has("instance")).isFalse();
		assertThat(nul.body()).doesNotContain("\u0000");
	}

	@Test
	void answersProblemsForPathsTheFirewallRefuses() {
		for (String path : List.of("/api/products/a%3Bb", "/api/products//x", "//api/products")) {
			JsonNode problem = assertProblem(RawHttp.get(this.port, path), 400, "malformed-request");
			assertThat(problem.path("instance").asString()).isEqualTo(path);
		}
	}

	@Test
	void treatsCredentialsTheFirewallRefusesAsMalformed() {
		RawHttp.Answer answer = RawHttp.get(this.port, "/api/products", "Authorization: Basic \u0099");

		assertProblem(answer, 400, "malformed-request");
	}

	@Test
	void answersARequestOverTomcatsBufferWithThePartThatDidNotFit() {
		RawHttp.Answer longLine = RawHttp.get(this.port, "/api/products/" + "a".repeat(9_000));
		assertThat(assertProblem(longLine, 414, "uri-too-long").has("instance")).isFalse();

		RawHttp.Answer bigHeader = RawHttp.get(this.port, "/api/products", "X-Note: " + "n".repeat(10_000));
		JsonNode headers = assertProblem(bigHeader, 431, "request-header-fields-too-large");
		assertThat(headers.path("instance").asString()).isEqualTo("/api/products");
	}

	@Test
	void answersTraceWithMethodNotAllowed() {
		assertProblem(RawHttp.send(this.port, "TRACE", "/api/products", null), 405, "method-not-allowed");
	}

	private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("catalog-service");
		JsonNode problem = answer.json();
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

}
