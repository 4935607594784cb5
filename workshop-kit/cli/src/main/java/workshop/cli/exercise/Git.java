package workshop.cli.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import workshop.cli.WorkshopException;

/**
 * The few git commands the exercises need, run in one folder. {@code git apply} also
 * works in a folder that is not a repository, which is how a scratch copy of the workshop
 * is patched.
 */
final class Git {

	private final Path dir;

	Git(Path dir) {
		this.dir = dir;
	}

	/**
	 * Returns whether a patch applies cleanly, without applying it.
	 * @param patch the patch file
	 * @param reverse whether to check undoing it instead
	 * @return true when it applies
	 */
	boolean applies(Path patch, boolean reverse) {
		List<String> command = new ArrayList<>(List.of("apply", "--check"));
		if (reverse) {
			command.add("--reverse");
		}
		command.add(patch.toString());
		return run(command).exit() == 0;
	}

	/**
	 * Applies a patch to the files of the folder.
	 * @param patch the patch file
	 * @throws WorkshopException with git's own words when it does not apply
	 */
	void apply(Path patch) {
		Result result = run(List.of("apply", "--whitespace=nowarn", patch.toString()));
		if (result.exit() != 0) {
			throw new WorkshopException(patch.getFileName() + " does not apply: " + result.firstLine());
		}
	}

	/**
	 * Lists the files a patch touches.
	 * @param patch the patch file
	 * @return paths relative to the folder
	 */
	List<String> touchedBy(Path patch) {
		Result result = run(List.of("apply", "--numstat", patch.toString()));
		if (result.exit() != 0) {
			throw new WorkshopException(patch.getFileName() + " is not a patch git can read: " + result.firstLine());
		}
		return result.output().lines().map((line) -> line.split("\t", 3)[2]).toList();
	}

	/**
	 * Lists the files among the given ones that differ from the last commit.
	 * @param paths paths relative to the folder
	 * @return the changed ones, empty when none
	 */
	List<String> changed(List<String> paths) {
		List<String> command = new ArrayList<>(List.of("status", "--porcelain", "--"));
		command.addAll(paths);
		return run(command).output().lines().map((line) -> line.substring(3)).toList();
	}

	/**
	 * Returns the difference between the last commit and the working tree for the given
	 * files.
	 * @param paths paths relative to the folder
	 * @return a unified diff, empty when they match the commit
	 */
	String diff(List<String> paths) {
		List<String> command = new ArrayList<>(List.of("diff", "HEAD", "--"));
		command.addAll(paths);
		return run(command).output();
	}

	/**
	 * Puts the given files back as they are in the last commit.
	 * @param paths paths relative to the folder
	 */
	void restore(List<String> paths) {
		List<String> command = new ArrayList<>(List.of("checkout", "HEAD", "--"));
		command.addAll(paths);
		Result result = run(command);
		if (result.exit() != 0) {
			throw new WorkshopException(
					"git could not restore " + String.join(", ", paths) + ": " + result.firstLine());
		}
	}

	private Result run(List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add("git");
		command.addAll(arguments);
		try {
			Process process = new ProcessBuilder(command).directory(this.dir.toFile())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Result(process.waitFor(), output);
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot run git (" + ex.getMessage() + "). Install git and put it on the PATH.",
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while running git " + arguments.get(0) + ".", ex);
		}
	}

	private record Result(int exit, String output) {

		String firstLine() {
			return this.output.lines().findFirst().orElse("exit code " + this.exit);
		}

	}

}
