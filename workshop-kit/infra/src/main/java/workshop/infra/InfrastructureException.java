package workshop.infra;

/**
 * Infrastructure could not be provided. The message is one line that says what went wrong
 * and how to fix it, fit to be shown to a workshop attendee as it is.
 */
public class InfrastructureException extends RuntimeException {

	/**
	 * Creates an exception with a one-line message.
	 * @param message what went wrong and the fix
	 */
	public InfrastructureException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a one-line message and the failure behind it.
	 * @param message what went wrong and the fix
	 * @param cause the underlying failure
	 */
	public InfrastructureException(String message, Throwable cause) {
		super(message, cause);
	}

}
