package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Assertions on the contract's RFC 9457 problem details.
 */
public final class Problems {

	/** Every problem {@code type} of the contract starts with this. */
	public static final String TYPE_PREFIX = "https://workshop.example/problems/";

	private Problems() {
	}

	/**
	 * Asserts that an answer is the contract's problem: the status, {@code
	 * application/problem+json}, the stable type, a title, the status again in the body,
	 * a human detail, the request path as instance, and the {@code X-Served-By} header.
	 * @param response the answer
	 * @param status the expected HTTP status
	 * @param type the expected type, without {@link #TYPE_PREFIX} (such as
	 * {@code unknown-sku})
	 * @return the problem, for further assertions
	 */
	public static JsonNode assertProblem(ShopResponse response, int status, String type) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.contentType()).as("Content-Type of %s", response).startsWith("application/problem+json");
		assertThat(response.header("X-Served-By")).as("X-Served-By of %s", response)
			.hasValueSatisfying((app) -> assertThat(app).isNotBlank());
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as("type of %s", response).isEqualTo(TYPE_PREFIX + type);
		assertThat(problem.path("title").asString()).as("title of %s", response).isNotBlank();
		assertThat(problem.path("status").asInt()).as("status in the body of %s", response).isEqualTo(status);
		assertThat(problem.path("detail").asString()).as("detail of %s", response).isNotBlank();
		assertThat(problem.path("instance").asString()).as("instance of %s", response).isEqualTo(response.path());
		return problem;
	}

	/**
	 * The fields named in a problem's {@code errors}, checking that each entry has a
	 * message.
	 * @param problem a problem returned by {@link #assertProblem}
	 * @return the field names, in the order of the problem (empty when there are no
	 * errors)
	 */
	public static List<String> fieldsOf(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		for (JsonNode error : problem.path("errors").values()) {
			assertThat(error.path("message").asString()).as("message of %s", error).isNotBlank();
			fields.add(error.path("field").asString());
		}
		return fields;
	}

	/**
	 * Asserts an {@code unauthorized} problem that asks for HTTP Basic credentials.
	 * @param response the answer
	 */
	public static void assertUnauthorized(ShopResponse response) {
		assertProblem(response, 401, "unauthorized");
		assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate of %s", response)
			.hasValue("Basic realm=\"shop\"");
	}

}
