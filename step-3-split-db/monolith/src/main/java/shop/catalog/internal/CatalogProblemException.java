package shop.catalog.internal;

import org.springframework.http.HttpStatusCode;

/**
 * Thrown when the catalog service refused a product call with a problem detail of the
 * contract: 404 {@code product-not-found}, 409 {@code duplicate-sku}, 400
 * {@code validation-failed} for a SKU change, ... The product API relays it to its client
 * as it came, so the client cannot tell who answered but by {@code X-Served-By}.
 */
public class CatalogProblemException extends RuntimeException {

	private final HttpStatusCode status;

	private final byte[] problem;

	/**
	 * @param status the status the service answered, a 4xx, never null
	 * @param problem the service's {@code application/problem+json} body, as sent
	 */
	CatalogProblemException(HttpStatusCode status, byte[] problem) {
		super("The catalog service answered " + status.value());
		this.status = status;
		this.problem = problem.clone();
	}

	/**
	 * The status the service answered.
	 * @return a 4xx status, never null
	 */
	public HttpStatusCode getStatus() {
		return this.status;
	}

	/**
	 * The service's problem detail, byte for byte: type, title, status, detail, instance
	 * and extensions such as {@code errors}.
	 * @return the JSON body, never null
	 */
	public byte[] getProblem() {
		return this.problem.clone();
	}

}
