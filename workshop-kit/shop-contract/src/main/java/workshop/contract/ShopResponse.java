package workshop.contract;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One answer of the shop, kept whole so that a failing assertion can show it.
 *
 * @param method the HTTP method of the request
 * @param path the path of the request
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the response body, empty when there is none
 */
public record ShopResponse(String method, String path, int status, HttpHeaders headers, String body) {

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or empty when the header is absent
	 */
	public Optional<String> header(String name) {
		return this.headers.firstValue(name);
	}

	/**
	 * The {@code Content-Type} header.
	 * @return the media type and its parameters, or an empty string when absent
	 */
	public String contentType() {
		return header("Content-Type").orElse("");
	}

	/**
	 * The path the {@code Location} header points to, whether the shop wrote it absolute
	 * or relative.
	 * @return the path, or null when there is no {@code Location} header
	 */
	public String locationPath() {
		return header("Location").map((location) -> URI.create(location).getPath()).orElse(null);
	}

	/**
	 * The body as a JSON tree.
	 * @return the tree; fails when the body is not JSON
	 */
	public JsonNode json() {
		return ShopClient.JSON.readTree(this.body);
	}

	/**
	 * The body read as the given type.
	 * @param <T> the type to read
	 * @param type the record the body holds
	 * @return the value; fails when the body is not JSON of that shape
	 */
	public <T> T as(Class<T> type) {
		return ShopClient.JSON.readValue(this.body, type);
	}

	@Override
	public String toString() {
		String shownPath = (this.path.length() <= 200) ? this.path
				: this.path.substring(0, 200) + "... (" + this.path.length() + " characters)";
		return this.method + " " + shownPath + " -> " + this.status + " " + this.headers.map() + " " + this.body;
	}

}
