package workshop.cli.exercise;

import java.nio.file.Path;
import java.util.List;

/**
 * One exercise: a folder {@code exercises/ex-NN-slug/} with its task, its tests (a Maven
 * module) and a {@code starter.patch} that removes the solution from the step it works
 * on. The solution is the step as committed.
 *
 * @param id the two-digit number, such as {@code 01}
 * @param folder the exercise folder, relative to the workshop root, such as
 * {@code exercises/ex-01-release-on-decline}
 * @param title one line saying what the attendee builds
 * @param step the id of the step the exercise works on (see {@code workshop.yaml})
 * @param failing the tests ({@code Class#method}, class names fully qualified) that must
 * fail while the starter patch is applied and pass once the exercise is solved; never
 * empty
 */
public record Exercise(String id, String folder, String title, String step, List<String> failing) {

	/** The file in an exercise folder that describes it. */
	static final String DESCRIPTOR = "exercise.yaml";

	/** The file in an exercise folder that removes the solution from the step. */
	static final String STARTER_PATCH = "starter.patch";

	/**
	 * Returns the starter patch.
	 * @param root the workshop root
	 * @return the patch file
	 */
	Path starterPatch(Path root) {
		return root.resolve(this.folder).resolve(STARTER_PATCH);
	}

	/**
	 * Returns the test classes of the exercise: the classes of its failing tests.
	 * @return fully qualified class names, without repeats
	 */
	List<String> testClasses() {
		return this.failing.stream().map((test) -> test.substring(0, test.indexOf('#'))).distinct().toList();
	}

}
