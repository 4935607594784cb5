package shop.shared.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problem types of the shop API contract that the catalog service answers with. Their
 * URIs are stable: clients may switch on them, and every later step answers with the same
 * ones.
 */
public enum ProblemType {

	MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),

	VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed"),

	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),

	PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND, "product-not-found", "Product not found"),

	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),

	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),

	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),

	DUPLICATE_SKU(HttpStatus.CONFLICT, "duplicate-sku", "Duplicate SKU"),

	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large"),

	URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "uri-too-long", "URI too long"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),

	REQUEST_HEADER_FIELDS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
			"Request header fields too large"),

	SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable"),

	INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error");

	private static final String BASE = "https://workshop.example/problems/";

	private final HttpStatus status;

	private final URI type;

	private final String title;

	ProblemType(HttpStatus status, String slug, String title) {
		this.status = status;
		this.type = URI.create(BASE + slug);
		this.title = title;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	/**
	 * The type for an error that Spring MVC or Tomcat detects itself, by its status.
	 * @param status the status Spring or Tomcat chose
	 * @return the problem type, {@link #INTERNAL_ERROR} for statuses the contract does
	 * not name
	 */
	static ProblemType forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> MALFORMED_REQUEST;
			case 401 -> UNAUTHORIZED;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 431 -> REQUEST_HEADER_FIELDS_TOO_LARGE;
			default -> INTERNAL_ERROR;
		};
	}

}
