package shop.gateway;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the gateway's HTTP server refuses before any route sees them get problem
 * details too, and a path goes to the backend as the client wrote it, so that the backend
 * refuses what it would refuse without the gateway. A path that starts with an empty
 * segment belongs to no backend: the gateway answers it with a 404 problem.
 */
class MalformedRequestIntegrationTests extends GatewayIntegrationTest {

	private static final String PROBLEMS = "https://workshop.example/problems/";

	@Test
	void forwardsEmptySegmentsAsTheClientWroteThem() {
		assertForwardedAsWritten("/api/inventory/x//", "inventory-service");
		assertForwardedAsWritten("/api/orders//cancel", "order-service");
	}

	@Test
	void answersMalformedRequestForAPathNoRouteServesWithAnEmptyOrDotSegment() {
		int backendRequests = backendRequests();

		for (String path : List.of("//api/inventory/x", "/../api/products", "/nothing//x", "/%2e%2e/api/orders")) {
			JsonNode problem = assertProblem(RawHttp.get(this.port, path), 400, "malformed-request");
			assertThat(problem.path("instance").asString()).as(path).isEqualTo(path);
		}
		assertThat(backendRequests()).as("requests that reached a backend").isEqualTo(backendRequests);
		assertProblem(RawHttp.get(this.port, "/nothing/"), 404, "not-found");
	}

	@Test
	void answersUriTooLongForARequestLineOverFourKibibytes() {
		RawHttp.Answer answer = RawHttp.get(this.port, "/api/inventory/" + "A".repeat(5_000));

		JsonNode problem = assertProblem(answer, 414, "uri-too-long");
		assertThat(problem.has("instance")).isFalse();
	}

	@Test
	void answersRequestHeaderFieldsTooLargeForHeadersOverEightKibibytes() {
		RawHttp.Answer answer = RawHttp.get(this.port, "/api/products", "X-Note: " + "n".repeat(9_000));

		JsonNode problem = assertProblem(answer, 431, "request-header-fields-too-large");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/products");
	}

	@Test
	void answersMalformedRequestForWhatNettyOrSpringCannotRead() {
		JsonNode badEscape = assertProblem(RawHttp.get(this.port, "/api/inventory/a%zz"), 400, "malformed-request");
		assertThat(badEscape.path("instance").asString()).isEqualTo("/api/inventory/a%25zz");
		JsonNode controlCharacter = assertProblem(RawHttp.get(this.port, "/api/products", "X-Note: a\u0001b"), 400,
				"malformed-request");
		assertThat(controlCharacter.path("instance").asString()).isEqualTo("/api/products");
		assertProblem(RawHttp.get(this.port, "/api/inventory/a\u0000b"), 400, "malformed-request");
	}

	@Test
	void leavesTheBodyOfAHeadAnswerEmpty() {
		RawHttp.Answer answer = RawHttp.send(this.port, "HEAD", "/api/inventory/a%zz", null);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).isEmpty();
	}

	@Test
	void cutsALongPathInTheInstance() {
		JsonNode problem = assertProblem(RawHttp.get(this.port, "/actuator/" + "a".repeat(1_000)), 404, "not-found");

		assertThat(problem.path("instance").asString()).hasSize(GatewayProblems.MAX_INSTANCE_LENGTH + 3)
			.startsWith("/actuator/aaa")
			.endsWith("a...");
	}

	private void assertForwardedAsWritten(String path, String app) {
		HttpResponse<String> response = get(path);

		assertThat(servedBy(response)).as("%s: %s", path, response.body()).isEqualTo(app);
		assertThat(response.body()).as(path).contains("\"path\":\"" + path + "\"");
	}

	private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("gateway");
		JsonNode problem = answer.json();
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

}
