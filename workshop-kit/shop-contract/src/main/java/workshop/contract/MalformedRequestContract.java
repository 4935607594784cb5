package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;
import static workshop.contract.Problems.assertProblemOfUnreadPath;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Requests that break the rules of HTTP or of URIs, that the shop refuses on sight, or
 * that are too large get problems too, whichever part of the server turns them away
 * before any endpoint runs. They go out byte for byte ({@link RawCall}): the JDK client
 * would refuse or rewrite most of them.
 */
public interface MalformedRequestContract extends ContractSection {

	@Test
	default void answersMalformedRequestForAnEncodedSlashBackslashOrNul() {
		for (String path : List.of("/api/inventory/a%2Fb", "/api/products/a%2fb", "/api/inventory/a%5Cb",
				"/api/products/a%00b")) {
			assertProblem(shop().raw("GET", path).send(), 400, "malformed-request");
		}
	}

	@Test
	default void answersMalformedRequestForASemicolonOrAnEncodedPercent() {
		for (String path : List.of("/api/inventory/a%3Bb", "/api/products/a;b", "/api/products;x=1",
				"/api/inventory/a%25b")) {
			assertProblem(shop().raw("GET", path).send(), 400, "malformed-request");
		}
	}

	@Test
	default void answersMalformedRequestForEmptyAndDotSegments() {
		for (String path : List.of("/api/products//x", "//api/products", "/api/inventory/x//", "/api/products/./x",
				"/api/inventory/../products", "/api/products/%2e%2e/x", "/../api/products")) {
			assertProblem(shop().raw("GET", path).send(), 400, "malformed-request");
		}
	}

	@Test
	default void answersMalformedRequestForAnInvalidPercentEscape() {
		ShopResponse answer = shop().raw("GET", "/api/inventory/a%zz").send();

		JsonNode problem = assertProblem(answer, 400, "malformed-request");
		assertThat(problem.path("instance").asString()).isEqualTo("/api/inventory/a%25zz");
	}

	@Test
	default void answersMalformedRequestForARequestLineOutsideHttpSyntax() {
		for (String path : List.of("/api/inventory/a\u0000b", "/api/inventory/a\\b")) {
			assertProblemOfUnreadPath(shop().raw("GET", path).send(), 400, "malformed-request");
		}
	}

	@Test
	default void answersMalformedRequestForAControlCharacterInAHeader() {
		ShopResponse answer = shop().raw("GET", "/api/products").header("X-Note", "a\u0001b").send();

		assertProblem(answer, 400, "malformed-request");
	}

	@Test
	default void answersUriTooLongForARequestLineOverTheLimit() {
		ShopResponse answer = shop().raw("GET", "/api/inventory/" + "A".repeat(9_000)).send();

		JsonNode problem = assertProblemOfUnreadPath(answer, 414, "uri-too-long");
		assertThat(problem.has("instance")).as("a path the server did not read in full is not named").isFalse();
	}

	@Test
	default void answersRequestHeaderFieldsTooLargeForHeadersOverTheLimit() {
		ShopResponse answer = shop().raw("GET", "/api/products").header("X-Note", "n".repeat(10_000)).send();

		assertProblem(answer, 431, "request-header-fields-too-large");
	}

	@Test
	default void cutsALongPathInTheInstance() {
		String path = "/api/no-such-endpoint/" + "a".repeat(1_000);

		JsonNode problem = assertProblem(shop().get(path), 404, "not-found");
		assertThat(problem.path("instance").asString()).hasSize(Problems.MAX_INSTANCE_LENGTH + 3)
			.startsWith("/api/no-such-endpoint/aaa")
			.endsWith("a...");
	}

	@Test
	default void answersMethodNotAllowedForTrace() {
		assertProblem(shop().raw("TRACE", "/api/products").send(), 405, "method-not-allowed");
	}

}
