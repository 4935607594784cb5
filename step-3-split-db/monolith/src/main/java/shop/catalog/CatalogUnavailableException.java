package shop.catalog;

/**
 * Thrown when the catalog service cannot answer: it refused the connection, timed out or
 * failed, on every attempt. Callers decide what that means for them (an order is rejected
 * with {@code CATALOG_UNAVAILABLE}, a stock read answers 503).
 */
public class CatalogUnavailableException extends RuntimeException {

	/**
	 * @param message what was asked and how it failed, never null
	 * @param cause the last failure
	 */
	public CatalogUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
