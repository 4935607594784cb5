package shop.inventory;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spot checks of the error contract on the inventory's API: every error is an RFC 9457
 * problem with a stable type, names this service in {@code X-Served-By}, and bad input
 * changes nothing. The contract suite checks the rest from outside.
 */
class ProblemDetailsIntegrationTests extends InventoryServiceIntegrationTest {

	private static final String PROBLEMS = "https://workshop.example/problems/";

	@Test
	void namesTheInvalidFieldByItsJsonPath() {
		String sku = newSku(4);

		for (String body : List.of("{\"onHand\": -1}", "{\"onHand\": 1000001}", "{}")) {
			HttpResponse<String> answer = putAsAdmin("/api/inventory/" + sku, body);
			assertProblem(answer, 400, "validation-failed");
			assertThat(json(answer).path("errors").get(0).path("field").asString()).isEqualTo("onHand");
		}
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(4);
	}

	@Test
	void treatsBrokenJsonAndWrongTypesAsMalformed() {
		String sku = newSku(4);

		for (String body : List.of("{\"onHand\": ", "{\"onHand\": \"2\"}", "{\"onHand\": 1.5}")) {
			assertProblem(putAsAdmin("/api/inventory/" + sku, body), 400, "malformed-request");
		}
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(4);
	}

	@Test
	void answersAnUnknownSkuWithStockNotFound() {
		assertProblem(get("/api/inventory/NO-SUCH-SKU"), 404, "stock-not-found");
		assertProblem(putAsAdmin("/api/inventory/NO-SUCH-SKU", "{\"onHand\": 1}"), 404, "stock-not-found");
		HttpResponse<String> noEndpoint = get("/api/no-such-endpoint");
		assertProblem(noEndpoint, 404, "not-found");
		assertThat(json(noEndpoint).path("instance").asString()).isEqualTo("/api/no-such-endpoint");
	}

	@Test
	void refusesToSetFewerUnitsThanAreReserved() {
		String sku = newSku(5);
		reserved(sku, 3);

		assertProblem(putAsAdmin("/api/inventory/" + sku, "{\"onHand\": 2}"), 409, "stock-below-reserved");
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(5);
		assertThat(putAsAdmin("/api/inventory/" + sku, "{\"onHand\": 3}").statusCode()).isEqualTo(200);
	}

	@Test
	void answersAWrongMethodAndAWrongMediaType() {
		HttpResponse<String> delete = send(request("/api/inventory/MUG-CLASSIC").DELETE());
		assertProblem(delete, 405, "method-not-allowed");
		assertThat(delete.headers().firstValue("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET").contains("PUT"));

		HttpResponse<String> text = send(
				request("/api/inventory/MUG-CLASSIC").setHeader("Authorization", GatewayTokens.admin())
					.header("Content-Type", "text/plain")
					.PUT(HttpRequest.BodyPublishers.ofString("twelve")));
		assertProblem(text, 415, "unsupported-media-type");
	}

	@Test
	void refusesABodyOverSixteenKibibytesWithOrWithoutALength() {
		String sku = newSku(4);
		String body = "{\"onHand\": 9, \"note\": \"" + "x".repeat(17 * 1024) + "\"}";

		assertProblem(putAsAdmin("/api/inventory/" + sku, body), 413, "payload-too-large");
		assertProblem(putChunked(sku, body), 413, "payload-too-large");
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(4);
	}

	@Test
	void acceptsABodyJustUnderTheLimit() {
		String sku = newSku(4);
		String body = "{\"onHand\": 9, \"note\": \"" + "x".repeat(16 * 1024 - 40) + "\"}";

		HttpResponse<String> answer = putChunked(sku, body);

		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(9);
	}

	@Test
	void answersProblemsForPathsTomcatRefusesBeforeAnyFilter() {
		JsonNode encodedSlash = assertProblem(RawHttp.get(this.port, "/api/inventory/a%2Fb"), 400, "malformed-request");
		assertThat(encodedSlash.path("instance").asString()).isEqualTo("/api/inventory/a%2Fb");
		JsonNode badEscape = assertProblem(RawHttp.get(this.port, "/api/inventory/a%zz"), 400, "malformed-request");
		assertThat(badEscape.path("instance").asString()).isEqualTo("/api/inventory/a%25zz");
		RawHttp.Answer nul = RawHttp.get(this.port, "/api/inventory/a\u0000b");
		assertThat(assertProblem(nul, 400, "malformed-request").has("instance")).isFalse();
		assertThat(nul.body()).doesNotContain("\u0000");
	}

	@Test
	void answersProblemsForPathsTheFirewallRefuses() {
		for (String path : List.of("/api/inventory/a%3Bb", "/api/inventory//x", "/api/inventory/../products")) {
			JsonNode problem = assertProblem(RawHttp.get(this.port, path), 400, "malformed-request");
			assertThat(problem.path("instance").asString()).isEqualTo(path);
		}
	}

	@Test
	void treatsAHeaderValueTheFirewallRefusesAsMalformed() {
		RawHttp.Answer answer = RawHttp.send(this.port, "PUT", "/api/inventory/MUG-CLASSIC", "{\"onHand\": 1}",
				"Authorization: Basic key-\u0099");

		assertProblem(answer, 400, "malformed-request");
	}

	@Test
	void answersARequestOverTomcatsBufferWithThePartThatDidNotFit() {
		RawHttp.Answer longLine = RawHttp.get(this.port, "/api/inventory/" + "A".repeat(9_000));
		assertThat(assertProblem(longLine, 414, "uri-too-long").has("instance")).isFalse();

		RawHttp.Answer bigHeader = RawHttp.get(this.port, "/api/inventory/MUG-CLASSIC",
				"X-Note: " + "n".repeat(10_000));
		JsonNode headers = assertProblem(bigHeader, 431, "request-header-fields-too-large");
		assertThat(headers.path("instance").asString()).isEqualTo("/api/inventory/MUG-CLASSIC");
	}

	@Test
	void answersTraceWithMethodNotAllowed() {
		RawHttp.Answer trace = RawHttp.send(this.port, "TRACE", "/api/inventory/MUG-CLASSIC", null);

		assertProblem(trace, 405, "method-not-allowed");
		assertThat(trace.header("Allow")).contains("GET");
	}

	@Test
	void cutsALongPathInTheInstance() {
		JsonNode problem = assertProblem(get("/api/no-such-endpoint/" + "a".repeat(1_000)), 404, "not-found");

		assertThat(problem.path("instance").asString()).hasSize(256 + 3).endsWith("aaa...");
		assertThat(problem.path("detail").asString()).hasSizeLessThan(300);
	}

	private HttpResponse<String> putChunked(String sku, String body) {
		return send(request("/api/inventory/" + sku).setHeader("Authorization", GatewayTokens.admin())
			.header("Content-Type", "application/json")
			.PUT(chunkedBody(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("inventory-service");
		return assertProblemBody(answer.json(), status, type);
	}

	private static JsonNode assertProblem(HttpResponse<String> answer, int status, String type) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith("application/problem+json"));
		assertThat(answer.headers().firstValue("X-Served-By")).hasValue("inventory-service");
		JsonNode problem = assertProblemBody(json(answer), status, type);
		assertThat(problem.path("instance").asString()).startsWith("/");
		return problem;
	}

	private static JsonNode assertProblemBody(JsonNode problem, int status, String type) {
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	/** A body without a Content-Length: the JDK client sends it chunked. */
	private static HttpRequest.BodyPublisher chunkedBody(byte[] bytes) {
		HttpRequest.BodyPublisher known = HttpRequest.BodyPublishers.ofByteArray(bytes);
		return new HttpRequest.BodyPublisher() {

			@Override
			public long contentLength() {
				return -1;
			}

			@Override
			public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
				known.subscribe(subscriber);
			}

		};
	}

}
