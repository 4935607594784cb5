package workshop.cli.exercise;

/**
 * How one test ended, read from a Surefire report.
 *
 * @param test the test as {@code com.example.SomeTests#methodName}
 * @param passed whether it passed
 * @param message the first line of its failure, empty when it passed
 */
record TestOutcome(String test, boolean passed, String message) {

}
