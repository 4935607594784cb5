package shop.shared.web;

import java.util.List;

/**
 * Thrown when a request breaks a rule that Bean Validation annotations cannot state, such
 * as a SKU appearing twice in one order. Answered as a validation problem.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	/**
	 * @param violations the offending fields, at least one
	 */
	public InvalidRequestException(List<FieldViolation> violations) {
		super("Invalid request: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<FieldViolation> getViolations() {
		return this.violations;
	}

}
