package shop.shared.web;

/**
 * Thrown when a request body is larger than the API accepts.
 */
public class PayloadTooLargeException extends RuntimeException {

	public PayloadTooLargeException(int limit) {
		super("The request body is larger than " + limit + " bytes; send a smaller body.");
	}

}
