package workshop.cli.exercise;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import workshop.cli.Terminal;
import workshop.cli.WorkshopException;

/**
 * The proof that an exercise means something: in a scratch copy of the workshop, its
 * starter patch applies, the step still compiles, and every test the exercise names
 * fails. The other half, that the same tests pass on the step as committed, is proven by
 * {@code ./mvnw verify}, which runs every exercise module listed in
 * {@code exercises/pom.xml}.
 */
final class ExerciseProof {

	private final Path root;

	private final PrintWriter out;

	private final Terminal terminal;

	ExerciseProof(Path root, PrintWriter out, Terminal terminal) {
		this.root = root;
		this.out = out;
		this.terminal = terminal;
	}

	/**
	 * Proves the given exercises, one after the other.
	 * @param exercises the exercises
	 * @return 0 when every proof holds, 1 otherwise
	 */
	int prove(List<Exercise> exercises) {
		if (exercises.isEmpty()) {
			throw new WorkshopException("There is no exercise to prove in exercises/.");
		}
		List<String> broken = new ArrayList<>();
		for (Exercise exercise : exercises) {
			List<String> problems = prove(exercise);
			if (problems.isEmpty()) {
				this.out.println(this.terminal.green("proven ") + "ex-" + exercise.id() + ": starter patch applies, "
						+ exercise.step() + " compiles, " + exercise.failing().size() + " named tests fail");
			}
			else {
				problems.forEach((problem) -> this.out
					.println(this.terminal.red("broken ") + "ex-" + exercise.id() + ": " + problem));
				broken.add(exercise.id());
			}
			this.out.flush();
		}
		this.out.println(broken.isEmpty() ? "Every exercise fails before and passes after (with ./mvnw verify)."
				: "Exercises not proven: " + String.join(", ", broken) + ".");
		return broken.isEmpty() ? 0 : 1;
	}

	private List<String> prove(Exercise exercise) {
		List<String> problems = new ArrayList<>();
		if (!listedInBuild(exercise)) {
			problems.add(exercise.folder()
					+ " is not a module of exercises/pom.xml, so ./mvnw verify never runs its tests. Add it.");
			return problems;
		}
		try (ScratchCopy copy = ScratchCopy.of(this.root)) {
			Git git = new Git(copy.root());
			Path patch = exercise.starterPatch(copy.root());
			if (!git.applies(patch, false)) {
				problems
					.add("starter.patch no longer applies to " + exercise.step() + ". Regenerate it from the step.");
				return problems;
			}
			git.apply(patch);
			// A patch on a step leaves the kit as in the tree: its classes
			// are reused; only the step and the exercise compile again.
			boolean reuseKit = git.touchedBy(patch).stream().noneMatch((file) -> file.startsWith("workshop-kit/"));
			if (reuseKit) {
				copy.reuseCompiledKit(this.root);
			}
			Path log = this.root.resolve(".workshop/exercises/ex-" + exercise.id() + "-proof.log");
			ExerciseTestRun run = ExerciseTestRun.of(copy.root(), exercise, log,
					reuseKit ? List.of(ExerciseTestRun.STALE_SOURCES_ONLY) : List.of());
			if (!run.compiled()) {
				problems.add("with starter.patch applied the build fails before the tests: "
						+ String.join(" / ", run.buildErrors().stream().limit(3).toList()) + " (log: "
						+ this.root.relativize(log) + ")");
				return problems;
			}
			for (String test : exercise.failing()) {
				TestOutcome outcome = run.outcomeOf(test);
				if (outcome == null) {
					problems.add(test + " did not run with starter.patch applied (is it named right?)");
				}
				else if (outcome.passed()) {
					problems.add(test
							+ " passes with starter.patch applied: it cannot tell a solved exercise from an unsolved one");
				}
			}
		}
		return problems;
	}

	private boolean listedInBuild(Exercise exercise) {
		try {
			String pom = Files.readString(this.root.resolve("exercises/pom.xml"));
			String module = exercise.folder().substring("exercises/".length());
			return pom.contains("<module>" + module + "</module>");
		}
		catch (IOException ex) {
			return false;
		}
	}

}
