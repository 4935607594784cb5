package workshop.cli.doctor;

/**
 * One line of the doctor's checklist.
 *
 * @param status how it went
 * @param text what was found and, when something is wrong, the fix
 */
record Check(Status status, String text) {

	static Check ok(String text) {
		return new Check(Status.OK, text);
	}

	static Check info(String text) {
		return new Check(Status.INFO, text);
	}

	static Check warn(String text) {
		return new Check(Status.WARN, text);
	}

	static Check fail(String text) {
		return new Check(Status.FAIL, text);
	}

	/** How a check went; only {@code FAIL} blocks a run. */
	enum Status {

		OK, INFO, WARN, FAIL

	}

}
