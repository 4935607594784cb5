package workshop.cli.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;

/**
 * Diffs two folders with git, following renames. Each folder is snapshotted as a tree in
 * a throwaway repository (skipping build output), and the two trees are compared: paths
 * come out relative to the folders, {@code a/...} for the older one and {@code b/...} for
 * the newer one.
 */
final class GitTreeDiff implements AutoCloseable {

	/** What is never part of a step's source: build output, editor and OS files. */
	private static final List<String> IGNORED = List.of("target/", "node_modules/", ".workshop/", ".idea/", "*.iml",
			".vscode/", ".classpath", ".project", ".settings/", ".DS_Store");

	private final Path repository;

	private GitTreeDiff(Path repository) {
		this.repository = repository;
	}

	/**
	 * Creates a throwaway repository for the diffs; close it to delete it.
	 * @return the differ, never null
	 * @throws WorkshopException when git is missing
	 */
	static GitTreeDiff create() {
		try {
			Path repository = Files.createTempDirectory("workshop-diff");
			run(List.of("git", "init", "-q", repository.toString()), null);
			Files.writeString(repository.resolve(".git/info/exclude"), String.join("\n", IGNORED) + "\n");
			return new GitTreeDiff(repository);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the diff between two folders.
	 * @param older the older folder
	 * @param olderPaths the paths of the older folder to compare (files, or folders
	 * ending in {@code /}); empty for all of it
	 * @param newer the newer folder
	 * @param leftOut paths left out of both folders
	 * @param options extra {@code git diff} options, such as {@code --stat} or
	 * {@code --color=always}
	 * @return the diff, empty when the folders hold the same files
	 * @throws WorkshopException when a folder or one of the older paths does not exist
	 */
	String diff(Path older, List<String> olderPaths, Path newer, List<String> leftOut, List<String> options) {
		for (String path : olderPaths) {
			if (!Files.exists(older.resolve(path))) {
				throw new WorkshopException("workshop.yaml names " + path + " as a path a module was born from, but "
						+ older + " has no " + path + ": fix the lineage's paths.");
			}
		}
		String olderTree = snapshot(older, olderPaths, leftOut);
		String newerTree = snapshot(newer, List.of(), leftOut);
		List<String> arguments = new ArrayList<>(
				List.of("diff", "--find-renames", "--src-prefix=a/", "--dst-prefix=b/"));
		arguments.addAll(options);
		arguments.add(olderTree);
		arguments.add(newerTree);
		return git(null, arguments.toArray(String[]::new));
	}

	private String snapshot(Path folder, List<String> paths, List<String> leftOut) {
		if (!Files.isDirectory(folder)) {
			throw new WorkshopException("No folder " + folder + ": check the module names in workshop.yaml.");
		}
		git(null, "read-tree", "--empty");
		List<String> arguments = new ArrayList<>(List.of("add", "--all", "--ignore-errors", "--"));
		arguments.addAll(paths.isEmpty() ? List.of(".") : paths);
		leftOut.forEach((path) -> arguments.add(":(exclude)" + path));
		git(folder, arguments.toArray(String[]::new));
		return git(null, "write-tree").trim();
	}

	private String git(Path workTree, String... arguments) {
		List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + this.repository.resolve(".git")));
		if (workTree != null) {
			command.add("--work-tree=" + workTree);
		}
		command.addAll(List.of("-c", "core.autocrlf=false", "-c", "core.quotepath=false"));
		command.addAll(List.of(arguments));
		return run(command, workTree);
	}

	private static String run(List<String> command, Path workingDir) {
		try {
			Process process = new ProcessBuilder(command).directory((workingDir != null) ? workingDir.toFile() : null)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new WorkshopException(String.join(" ", command) + " failed: "
						+ output.lines().findFirst().orElse("") + " (is git 2.x installed?)");
			}
			return output;
		}
		catch (IOException ex) {
			throw new WorkshopException("git is needed for ./workshop diff: install it and retry.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while running git.", ex);
		}
	}

	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(this.repository)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			// A leftover temporary folder is harmless.
		}
	}

}
