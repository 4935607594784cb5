package workshop.cli.exercise;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import workshop.cli.WorkshopException;

/**
 * Runs an exercise's tests with the Maven wrapper of a workshop tree (the real one, or a
 * scratch copy) and reads how each test ended from the Surefire reports. The step the
 * exercise works on is compiled with it ({@code -am}); only the exercise's own test
 * classes run.
 *
 * @param outcomes how each test ran; empty when the build failed before the tests ran
 * @param compiled whether the code compiled (the tests could run)
 * @param buildErrors the build's {@code [ERROR]} lines, for a build that failed before
 * the tests
 */
record ExerciseTestRun(List<TestOutcome> outcomes, boolean compiled, List<String> buildErrors) {

	/**
	 * Compiles only the sources newer than their classes, and a module with no classes in
	 * full. Right for classes copied from a build of the same sources; wrong for a tree
	 * someone edits, where the callers of a changed method must be compiled too.
	 */
	static final String STALE_SOURCES_ONLY = "-Dmaven.compiler.useIncrementalCompilation=false";

	/**
	 * Runs the tests of an exercise.
	 * @param root the workshop tree to build
	 * @param exercise the exercise
	 * @param log where the build output goes
	 * @param options more options for Maven, such as {@link #STALE_SOURCES_ONLY}
	 * @return what happened
	 */
	static ExerciseTestRun of(Path root, Exercise exercise, Path log, List<String> options) {
		boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
		Path reports = root.resolve(exercise.folder()).resolve("target/surefire-reports");
		List<String> command = new ArrayList<>(List.of(root.resolve(windows ? "mvnw.cmd" : "mvnw").toString(), "-B",
				"-pl", exercise.folder(), "-am", "verify", "-Dtest=" + String.join(",", exercise.testClasses()),
				"-Dsurefire.failIfNoSpecifiedTests=false", "-Dspring-javaformat.validate.skip=true",
				// The steps' system tests (failsafe) run the whole step; an exercise
				// checks
				// its own tests only.
				"-DskipITs"));
		command.addAll(options);
		try {
			deleteReports(reports);
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).directory(root.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			process.waitFor();
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot run the Maven wrapper in " + root + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while running the tests of exercise " + exercise.id() + ".", ex);
		}
		List<TestOutcome> outcomes = readReports(reports);
		List<String> errors = outcomes.isEmpty() ? errorLines(log) : List.of();
		return new ExerciseTestRun(outcomes, !outcomes.isEmpty(), errors);
	}

	/**
	 * Returns how a test ended.
	 * @param test {@code Class#method}
	 * @return its outcome, or null when it did not run
	 */
	TestOutcome outcomeOf(String test) {
		return this.outcomes.stream().filter((outcome) -> outcome.test().equals(test)).findFirst().orElse(null);
	}

	/**
	 * Returns whether every test that ran passed.
	 * @return true when all passed and at least one ran
	 */
	boolean allPassed() {
		return this.compiled && this.outcomes.stream().allMatch(TestOutcome::passed);
	}

	private static void deleteReports(Path reports) throws IOException {
		if (Files.isDirectory(reports)) {
			try (Stream<Path> files = Files.list(reports)) {
				for (Path file : files.toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static List<TestOutcome> readReports(Path reports) {
		if (!Files.isDirectory(reports)) {
			return List.of();
		}
		List<TestOutcome> outcomes = new ArrayList<>();
		try (Stream<Path> files = Files.list(reports)) {
			for (Path report : files.filter((f) -> f.getFileName().toString().matches("TEST-.*\\.xml"))
				.sorted()
				.toList()) {
				outcomes.addAll(readReport(report));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return outcomes;
	}

	private static List<TestOutcome> readReport(Path report) throws IOException {
		Document document;
		try (InputStream in = Files.newInputStream(report)) {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			document = factory.newDocumentBuilder().parse(in);
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new WorkshopException("Cannot read the test report " + report + ": " + ex.getMessage(), ex);
		}
		List<TestOutcome> outcomes = new ArrayList<>();
		NodeList cases = document.getElementsByTagName("testcase");
		for (int i = 0; i < cases.getLength(); i++) {
			Element testCase = (Element) cases.item(i);
			String test = testCase.getAttribute("classname") + "#"
					+ testCase.getAttribute("name").replaceAll("\\(.*", "");
			String failure = failure(testCase);
			outcomes.add(new TestOutcome(test, failure == null, (failure != null) ? failure : ""));
		}
		return outcomes;
	}

	private static String failure(Element testCase) {
		for (String tag : List.of("failure", "error", "skipped")) {
			NodeList problems = testCase.getElementsByTagName(tag);
			if (problems.getLength() > 0) {
				Element problem = (Element) problems.item(0);
				String message = problem.getAttribute("message");
				String text = message.isBlank() ? problem.getAttribute("type") : message;
				String lines = String.join(" ",
						text.lines().map(String::strip).filter((l) -> !l.isEmpty()).limit(3).toList());
				return tag.equals("skipped") ? "skipped " + lines : lines.isBlank() ? tag : lines;
			}
		}
		return null;
	}

	private static List<String> errorLines(Path log) {
		try {
			return Files.readAllLines(log)
				.stream()
				.filter((line) -> line.startsWith("[ERROR]") && !line.isBlank())
				.limit(15)
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
