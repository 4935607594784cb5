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

	private static ShopResponse answer(int status, String contentType, String servedBy, String body) {
		Map<String, List<String>> headers = (servedBy != null)
				? Map.of("Content-Type", List.of(contentType), "X-Served-By", List.of(servedBy))
				: Map.of("Content-Type", List.of(contentType));
		return new ShopResponse("POST", "/api/orders", status, HttpHeaders.of(headers, (name, value) -> true), body);
	}

}
