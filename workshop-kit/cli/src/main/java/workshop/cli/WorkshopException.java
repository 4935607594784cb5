package workshop.cli;

/**
 * A failure the user can fix. The message is one line: what went wrong and what to do
 * about it. The command prints it without a stack trace and exits non-zero.
 */
public class WorkshopException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message one line: the cause and the fix
	 */
	public WorkshopException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message one line: the cause and the fix
	 * @param cause the underlying failure
	 */
	public WorkshopException(String message, Throwable cause) {
		super(message, cause);
	}

}
