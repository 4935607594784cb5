package workshop.cli.exercise;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;

/**
 * {@code ./workshop exercise}: the exercises of {@code exercises/}. An exercise starts by
 * applying its {@code starter.patch}, which removes the solution from a step;
 * {@code check} runs its tests; {@code solve} restores the step as committed (the
 * reference solution); {@code reset} starts over. The attendee's attempt is saved as a
 * patch before anything overwrites it.
 */
@Command(name = "exercise", mixinStandardHelpOptions = true,
		description = { "Works on the exercises in exercises/:",
				"  list                  what there is, and which one is started",
				"  <NN> start            remove the solution from the step (applies starter.patch)",
				"  <NN> check            run the exercise's tests and say what is left",
				"  <NN> solve            put the reference solution back (your attempt is saved)",
				"  <NN> reset            start the exercise over (your attempt is saved)",
				"  prove [<NN>...]       for CI: with each starter patch applied the step compiles and the",
				"                        exercise's named tests fail (./mvnw verify proves they pass without it)" })
public final class ExerciseCommand implements Callable<Integer> {

	private static final List<String> ACTIONS = List.of("start", "check", "solve", "reset");

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<NN>|list|prove", description = "An exercise number, list or prove.")
	private String target;

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "<action>",
			description = "start, check, solve or reset; for prove, the exercises to prove (default: all).")
	private List<String> rest = new ArrayList<>();

	@Override
	public Integer call() {
		Path root = this.parent.workspace().root();
		Exercises exercises = Exercises.in(root);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.target.equals("list")) {
			return list(root, exercises, out);
		}
		if (this.target.equals("prove")) {
			List<Exercise> chosen = this.rest.isEmpty() ? exercises.all()
					: this.rest.stream().map(exercises::find).toList();
			return new ExerciseProof(root, out, Terminal.detect()).prove(chosen);
		}
		Exercise exercise = exercises.find(this.target);
		if (this.rest.size() != 1 || !ACTIONS.contains(this.rest.get(0))) {
			throw new WorkshopException("Say what to do with exercise " + exercise.id() + ": ./workshop exercise "
					+ exercise.id() + " start|check|solve|reset.");
		}
		Git git = new Git(root);
		return switch (this.rest.get(0)) {
			case "start" -> start(root, git, exercise, out);
			case "check" -> check(root, exercise, out);
			case "solve" -> solve(root, git, exercise, out);
			default -> reset(root, git, exercise, out);
		};
	}

	private int list(Path root, Exercises exercises, PrintWriter out) {
		Git git = new Git(root);
		for (Exercise exercise : exercises.all()) {
			boolean started = git.applies(exercise.starterPatch(root), true);
			out.printf("%s  %-8s %-10s %s%n", exercise.id(), exercise.step(), started ? "started" : "",
					exercise.title());
		}
		out.println();
		out.println("Start one with ./workshop exercise <NN> start; its task is in " + "exercises/ex-NN-*/README.md.");
		return 0;
	}

	private int start(Path root, Git git, Exercise exercise, PrintWriter out) {
		Path patch = exercise.starterPatch(root);
		List<String> files = git.touchedBy(patch);
		if (git.applies(patch, true)) {
			throw new WorkshopException("Exercise " + exercise.id() + " is already started. Check your work with "
					+ "./workshop exercise " + exercise.id() + " check, or start over with reset.");
		}
		List<String> changed = git.changed(files);
		if (!changed.isEmpty()) {
			throw new WorkshopException("Exercise " + exercise.id() + " would overwrite your uncommitted changes in "
					+ String.join(", ", changed) + ". Commit or stash them (git stash) first.");
		}
		if (!git.applies(patch, false)) {
			throw new WorkshopException(exercise.folder() + "/starter.patch no longer applies to " + exercise.step()
					+ ". Your tree differs from the committed step: run git status.");
		}
		git.apply(patch);
		out.println("Exercise " + exercise.id() + " started: " + exercise.title() + ".");
		out.println("The solution was removed from: " + String.join(", ", files) + ".");
		out.println("Read " + exercise.folder() + "/README.md, then run ./workshop exercise " + exercise.id()
				+ " check until it passes.");
		return 0;
	}

	private int check(Path root, Exercise exercise, PrintWriter out) {
		Terminal terminal = Terminal.detect();
		out.println("Checking exercise " + exercise.id() + " (builds " + exercise.step() + " and runs "
				+ String.join(", ", exercise.testClasses().stream().map(ExerciseCommand::simpleName).toList())
				+ ")...");
		out.flush();
		Path log = root.resolve(".workshop/exercises/ex-" + exercise.id() + "-check.log");
		ExerciseTestRun run = ExerciseTestRun.of(root, exercise, log, List.of());
		if (!run.compiled()) {
			out.println(terminal.red("The code does not compile (or the build failed before the tests):"));
			run.buildErrors().forEach(out::println);
			out.println("Full output: " + root.relativize(log));
			return 1;
		}
		for (TestOutcome outcome : run.outcomes()) {
			String name = simpleName(outcome.test());
			out.println(outcome.passed() ? terminal.green("  passed  ") + name
					: terminal.red("  failing ") + name + ": " + outcome.message());
		}
		if (run.allPassed()) {
			out.println(terminal.green("Done: every test of exercise " + exercise.id() + " passes."));
			return 0;
		}
		long failing = run.outcomes().stream().filter((outcome) -> !outcome.passed()).count();
		out.println(failing + " of " + run.outcomes().size() + " tests still fail. Hints: " + exercise.folder()
				+ "/README.md. Full output: " + root.relativize(log));
		return 1;
	}

	private int solve(Path root, Git git, Exercise exercise, PrintWriter out) {
		List<String> files = git.touchedBy(exercise.starterPatch(root));
		saveAttempt(root, git, exercise, files, out);
		git.restore(files);
		out.println("The reference solution of exercise " + exercise.id() + " is back in " + String.join(", ", files)
				+ ". Compare it with your attempt.");
		return 0;
	}

	private int reset(Path root, Git git, Exercise exercise, PrintWriter out) {
		Path patch = exercise.starterPatch(root);
		List<String> files = git.touchedBy(patch);
		saveAttempt(root, git, exercise, files, out);
		git.restore(files);
		git.apply(patch);
		out.println("Exercise " + exercise.id() + " starts over: the solution is removed again from "
				+ String.join(", ", files) + ".");
		return 0;
	}

	private static void saveAttempt(Path root, Git git, Exercise exercise, List<String> files, PrintWriter out) {
		String attempt = git.diff(files);
		if (attempt.isBlank()) {
			return;
		}
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		Path saved = root.resolve(".workshop/exercises/ex-" + exercise.id() + "-attempt-" + stamp + ".patch");
		try {
			Files.createDirectories(saved.getParent());
			Files.writeString(saved, attempt);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		out.println("Your attempt is saved in " + root.relativize(saved) + " (git apply it to get it back).");
	}

	private static String simpleName(String test) {
		int dot = test.lastIndexOf('.', test.indexOf('#') < 0 ? test.length() : test.indexOf('#'));
		return test.substring(dot + 1);
	}

}
