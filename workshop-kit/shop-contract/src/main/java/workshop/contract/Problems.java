package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Assertions on the contract's RFC 9457 problem details.
 */
public final class Problems {

	/** Every problem {@code type} of the contract starts with this. */
	public static final String TYPE_PREFIX = "https://workshop.example/problems/";

	/** The longest {@code instance}, before the {@code ...} that marks a cut path. */
	public static final int MAX_INSTANCE_LENGTH = 256;

	private static final String HEX = "0123456789ABCDEF";

	private Problems() {
	}

	/**
	 * Asserts that an answer is the contract's problem: the status, {@code
	 * application/problem+json}, the stable type, a title, the status again in the body,
	 * a human detail, the request path as instance ({@link #instanceOf}), and the
	 * {@code X-Served-By} header.
	 * @param response the answer
	 * @param status the expected HTTP status
	 * @param type the expected type, without {@link #TYPE_PREFIX} (such as
	 * {@code unknown-sku})
	 * @return the problem, for further assertions
	 */
	public static JsonNode assertProblem(ShopResponse response, int status, String type) {
		JsonNode problem = assertProblemBody(response, status, type);
		assertThat(problem.path("instance").asString()).as("instance of %s", response)
			.isEqualTo(instanceOf(response.path()));
		return problem;
	}

	/**
	 * Asserts the contract's problem for a request whose path the server may not have
	 * read, because the request line broke HTTP's syntax or its limit: as
	 * {@link #assertProblem}, except that the problem may name no instance. When it names
	 * one, that is the request path's.
	 * @param response the answer
	 * @param status the expected HTTP status
	 * @param type the expected type, without {@link #TYPE_PREFIX}
	 * @return the problem, for further assertions
	 */
	public static JsonNode assertProblemOfUnreadPath(ShopResponse response, int status, String type) {
		JsonNode problem = assertProblemBody(response, status, type);
		if (problem.has("instance")) {
			assertThat(problem.path("instance").asString()).as("instance of %s", response)
				.isEqualTo(instanceOf(response.path()));
		}
		return problem;
	}

	/**
	 * The instance the contract expects for a request path: the path as sent, with every
	 * character a URI path may not hold percent-encoded (a NUL, a backslash, a space, a
	 * {@code %} not followed by two hex digits), cut after {@value #MAX_INSTANCE_LENGTH}
	 * characters (never inside a {@code %XX}) and then ending with {@code ...}.
	 * @param path the request path as sent, without a query
	 * @return the instance a problem names for it
	 */
	public static String instanceOf(String path) {
		StringBuilder instance = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (isPathCharacter(c) || (c == '%' && i + 2 < path.length() && isHexDigit(path.charAt(i + 1))
					&& isHexDigit(path.charAt(i + 2)))) {
				instance.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					instance.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
				}
			}
		}
		if (instance.length() > MAX_INSTANCE_LENGTH) {
			int end = MAX_INSTANCE_LENGTH;
			int lastEscape = instance.lastIndexOf("%", end - 1);
			if (lastEscape > end - 3) {
				end = lastEscape;
			}
			instance.setLength(end);
			instance.append("...");
		}
		return instance.toString();
	}

	private static JsonNode assertProblemBody(ShopResponse response, int status, String type) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.contentType()).as("Content-Type of %s", response).startsWith("application/problem+json");
		assertThat(response.header("X-Served-By")).as("X-Served-By of %s", response)
			.hasValueSatisfying((app) -> assertThat(app).isNotBlank());
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as("type of %s", response).isEqualTo(TYPE_PREFIX + type);
		assertThat(problem.path("title").asString()).as("title of %s", response).isNotBlank();
		assertThat(problem.path("status").asInt()).as("status in the body of %s", response).isEqualTo(status);
		assertThat(problem.path("detail").asString()).as("detail of %s", response).isNotBlank();
		return problem;
	}

	private static boolean isPathCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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
