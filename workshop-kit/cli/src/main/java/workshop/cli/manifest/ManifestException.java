package workshop.cli.manifest;

import workshop.cli.WorkshopException;

/**
 * The manifest cannot be read or does not say what is needed. The message names the file,
 * the offending entry and what to write instead.
 */
public class ManifestException extends WorkshopException {

	/**
	 * Creates the exception.
	 * @param message one line: what is wrong and how to fix it
	 */
	public ManifestException(String message) {
		super(message);
	}

}
