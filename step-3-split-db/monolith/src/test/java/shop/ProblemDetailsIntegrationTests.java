package shop;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spot checks of the error contract: every error is an RFC 9457 problem with a stable
 * type, and bad input writes nothing. The contract suite checks the rest from outside.
 */
class ProblemDetailsIntegrationTests extends ShopIntegrationTest {

	private static final String PROBLEMS = "https://workshop.example/problems/";

	@LocalServerPort
	int port;

	@Test
	void namesEveryInvalidFieldByItsJsonPath() {
		int ordersBefore = count("select count(*) from orders.orders");

		ShopClient.Answer answer = this.shop.post("/api/orders", """
				{"customerEmail": "not-an-address", "lines": [{"sku": "MUG-CLASSIC", "quantity": 0}]}
				""");

		assertProblem(answer, 400, "validation-failed");
		assertThat(fields(answer.json())).containsExactly("customerEmail", "lines[0].quantity");
		assertThat(count("select count(*) from orders.orders")).isEqualTo(ordersBefore);
	}

	@Test
	void refusesASkuThatAppearsTwice() {
		ShopClient.Answer answer = this.shop.post("/api/orders", """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-CLASSIC", "quantity": 1},
				 {"sku": "MUG-CLASSIC", "quantity": 2}]}
				""");

		assertProblem(answer, 400, "validation-failed");
		assertThat(fields(answer.json())).containsExactly("lines[1].sku");
	}

	@Test
	void namesTheLineWithAnUnknownSkuAndWritesNothing() {
		int ordersBefore = count("select count(*) from orders.orders");
		int mugsBefore = this.shop.get("/api/inventory/MUG-CLASSIC").json().path("onHand").asInt();

		ShopClient.Answer answer = this.shop.post("/api/orders", """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-CLASSIC", "quantity": 1},
				 {"sku": "NO-SUCH-SKU", "quantity": 1}]}
				""", Map.of("Idempotency-Key", UUID.randomUUID().toString()));

		assertProblem(answer, 422, "unknown-sku");
		assertThat(fields(answer.json())).containsExactly("lines[1].sku");
		assertThat(count("select count(*) from orders.orders")).isEqualTo(ordersBefore);
		assertThat(count("select count(*) from orders.idempotency_keys"))
			.isEqualTo(count("select count(*) from orders.orders o"
					+ " where exists (select 1 from orders.idempotency_keys k where k.order_id = o.id)"));
		assertThat(this.shop.get("/api/inventory/MUG-CLASSIC").json().path("onHand").asInt()).isEqualTo(mugsBefore);
	}

	@Test
	void treatsBrokenJsonAndWrongTypesAsMalformed() {
		assertProblem(this.shop.post("/api/orders", "{\"customerEmail\": "), 400, "malformed-request");
		assertProblem(this.shop.post("/api/orders", """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-CLASSIC", "quantity": "2"}]}
				"""), 400, "malformed-request");
		assertProblem(this.shop.post("/api/orders", """
				{"customerEmail": "ada@example.com", "lines": [{"sku": "MUG-CLASSIC", "quantity": 1.5}]}
				"""), 400, "malformed-request");
		assertProblem(this.shop.post("/api/orders", """
				{"customerEmail": 42, "lines": [{"sku": "MUG-CLASSIC", "quantity": 1}]}
				"""), 400, "malformed-request");
	}

	@Test
	void treatsAPathIdThatIsNotAUuidAsMalformed() {
		assertProblem(this.shop.get("/api/orders/not-a-uuid"), 400, "malformed-request");
	}

	@Test
	void answersUnknownThingsWithTheirOwnNotFoundTypes() {
		assertProblem(this.shop.get("/api/orders/" + UUID.randomUUID()), 404, "order-not-found");
		assertProblem(this.shop.get("/api/inventory/NO-SUCH-SKU"), 404, "stock-not-found");
		ShopClient.Answer noEndpoint = this.shop.get("/api/no-such-endpoint");
		assertProblem(noEndpoint, 404, "not-found");
		assertThat(noEndpoint.json().path("instance").asString()).isEqualTo("/api/no-such-endpoint");
	}

	@Test
	void answersAWrongMethodAndAWrongMediaType() {
		ShopClient.Answer delete = this.shop.send(this.shop.request("/api/orders").DELETE());
		assertProblem(delete, 405, "method-not-allowed");
		assertThat(delete.header("Allow")).contains("POST");

		ShopClient.Answer text = this.shop.send(this.shop.request("/api/orders")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("two mugs please")));
		assertProblem(text, 415, "unsupported-media-type");
	}

	@Test
	void refusesABodyOverSixteenKibibytesWithOrWithoutALength() {
		String padding = "x".repeat(17 * 1024);
		String body = ShopClient.orderBody("ada@example.com", "MUG-CLASSIC", 1)
			.replace("}]}", "}], \"note\": \"" + padding + "\"}");
		int ordersBefore = count("select count(*) from orders.orders");

		assertProblem(this.shop.post("/api/orders", body), 413, "payload-too-large");
		ShopClient.Answer chunked = this.shop.send(this.shop.request("/api/orders")
			.header("Content-Type", "application/json")
			.POST(chunkedBody(body.getBytes(StandardCharsets.UTF_8))));
		assertProblem(chunked, 413, "payload-too-large");
		assertThat(count("select count(*) from orders.orders")).isEqualTo(ordersBefore);
	}

	@Test
	void acceptsABodyJustUnderTheLimit() {
		String sku = this.shop.newProduct(100, 1);
		String body = ShopClient.orderBody("ada@example.com", sku, 1);
		String padded = body.replace("}]}", "}], \"note\": \"" + "x".repeat(16 * 1024 - body.length() - 20) + "\"}");

		ShopClient.Answer answer = this.shop.send(this.shop.request("/api/orders")
			.header("Content-Type", "application/json")
			.POST(chunkedBody(padded.getBytes(StandardCharsets.UTF_8))));

		assertThat(answer.status()).as(answer.body()).isEqualTo(201);
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
		for (String path : List.of("/api/inventory/a%3Bb", "/api/orders//x", "/api/inventory/../products")) {
			JsonNode problem = assertProblem(RawHttp.get(this.port, path), 400, "malformed-request");
			assertThat(problem.path("instance").asString()).isEqualTo(path);
		}
	}

	@Test
	void treatsAHeaderValueTheFirewallRefusesAsMalformed() {
		RawHttp.Answer answer = RawHttp.send(this.port, "POST", "/api/orders",
				ShopClient.orderBody("ada@example.com", "MUG-CLASSIC", 1), "Idempotency-Key: key-\u0099");

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
		JsonNode problem = assertProblem(this.shop.get("/api/no-such-endpoint/" + "a".repeat(1_000)), 404, "not-found");

		assertThat(problem.path("instance").asString()).hasSize(256 + 3).endsWith("aaa...");
		assertThat(problem.path("detail").asString()).hasSizeLessThan(300);
	}

	private static JsonNode assertProblem(RawHttp.Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
		JsonNode problem = answer.json();
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		return problem;
	}

	private static JsonNode assertProblem(ShopClient.Answer answer, int status, String type) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("X-Served-By")).isEqualTo("monolith");
		JsonNode problem = answer.json();
		assertThat(problem.path("type").asString()).isEqualTo(PROBLEMS + type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertThat(problem.path("instance").asString()).startsWith("/");
		return problem;
	}

	private static List<String> fields(JsonNode problem) {
		return problem.path("errors").valueStream().map((error) -> error.path("field").asString()).toList();
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
