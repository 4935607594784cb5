package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProblemsTests {

	private static final String UNKNOWN_SKU = """
			{"type": "https://workshop.example/problems/unknown-sku", "title": "Unknown SKU", "status": 422,
			 "detail": "No active product has the SKU NOPE-1.", "instance": "/api/orders",
			 "errors": [{"field": "lines[1].sku", "message": "is not an active product"}]}
			""";

	@Test
	void acceptsProblemThatMeetsTheContract() {
		ShopResponse response = answer(422, "application/problem+json", "monolith", UNKNOWN_SKU);

		assertThat(Problems.fieldsOf(Problems.assertProblem(response, 422, "unknown-sku")))
			.containsExactly("lines[1].sku");
	}

	@Test
	void refusesProblemWithoutDetail() {
		ShopResponse response = answer(422, "application/problem+json", "monolith",
				UNKNOWN_SKU.replace("\"detail\": \"No active product has the SKU NOPE-1.\",", ""));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.assertProblem(response, 422, "unknown-sku"))
			.withMessageContaining("detail");
	}

	@Test
	void refusesPlainJsonErrorAndMissingServedBy() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.assertProblem(answer(422, "application/json", "monolith", UNKNOWN_SKU), 422,
					"unknown-sku"))
			.withMessageContaining("Content-Type");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.assertProblem(answer(422, "application/problem+json", null, UNKNOWN_SKU), 422,
					"unknown-sku"))
			.withMessageContaining("X-Served-By");
	}

	@Test
	void refusesErrorEntryWithoutMessage() {
		ShopResponse response = answer(422, "application/problem+json", "monolith",
				UNKNOWN_SKU.replace("\"message\": \"is not an active product\"", "\"message\": \"\""));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.fieldsOf(Problems.assertProblem(response, 422, "unknown-sku")));
	}

	@Test
	void refusesProblemNamingAnotherPath() {
		ShopResponse response = answer(422, "application/problem+json", "monolith",
				UNKNOWN_SKU.replace("\"instance\": \"/api/orders\"", "\"instance\": \"/api/order\""));

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Problems.assertProblem(response, 422, "unknown-sku"))
			.withMessageContaining("instance");
	}

	@Test
	void encodesWhatAUriPathMayNotHoldInTheInstance() {
		assertThat(Problems.instanceOf("/api/inventory/MUG-1:a@b;c=d")).isEqualTo("/api/inventory/MUG-1:a@b;c=d");
		assertThat(Problems.instanceOf("/api/inventory/a%2Fb")).isEqualTo("/api/inventory/a%2Fb");
		assertThat(Problems.instanceOf("/api/inventory/a%zz")).isEqualTo("/api/inventory/a%25zz");
		assertThat(Problems.instanceOf("/api/inventory/a%2")).isEqualTo("/api/inventory/a%252");
		assertThat(Problems.instanceOf("/api/inventory/a\u0000b\\c d")).isEqualTo("/api/inventory/a%00b%5Cc%20d");
		assertThat(Problems.instanceOf("/api/inventory/\u00e9")).isEqualTo("/api/inventory/%C3%A9");
	}

	@Test
	void cutsALongInstanceOutsideAnEscape() {
		String plain = "/" + "a".repeat(300);
		assertThat(Problems.instanceOf(plain)).isEqualTo(plain.substring(0, 256) + "...");

		String escapeAcrossTheCut = "/" + "a".repeat(254) + "%20" + "a".repeat(10);
		assertThat(Problems.instanceOf(escapeAcrossTheCut)).isEqualTo("/" + "a".repeat(254) + "...");

		String escapeBeforeTheCut = "/" + "a".repeat(252) + "%20" + "a".repeat(10);
		assertThat(Problems.instanceOf(escapeBeforeTheCut)).isEqualTo("/" + "a".repeat(252) + "%20...");
	}

	private static ShopResponse answer(int status, String contentType, String servedBy, String body) {
		Map<String, List<String>> headers = (servedBy != null)
				? Map.of("Content-Type", List.of(contentType), "X-Served-By", List.of(servedBy))
				: Map.of("Content-Type", List.of(contentType));
		return new ShopResponse("POST", "/api/orders", status, HttpHeaders.of(headers, (name, value) -> true), body);
	}

}
