package workshop.cli.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;

/**
 * A copy of the workshop's files (tracked and new, not ignored: no build output) in a
 * temporary folder, where a starter patch can be applied without touching the attendee's
 * tree.
 */
final class ScratchCopy implements AutoCloseable {

	private final Path root;

	private ScratchCopy(Path root) {
		this.root = root;
	}

	/**
	 * Copies the files git knows of, or would add, from a workshop tree.
	 * @param source the workshop root
	 * @return the copy; close it to delete it
	 */
	static ScratchCopy of(Path source) {
		try {
			Path root = Files.createTempDirectory("workshop-exercise-");
			for (String file : listFiles(source)) {
				Path from = source.resolve(file);
				if (Files.isRegularFile(from)) {
					Path to = root.resolve(file);
					Files.createDirectories(to.getParent());
					Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
			return new ScratchCopy(root);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Puts the classes the source tree compiled for its {@code workshop-kit} modules into
	 * the copy, with their times, so that a build that compiles only sources newer than
	 * their classes ({@link ExerciseTestRun#STALE_SOURCES_ONLY}) has nothing to compile
	 * there. The steps and exercises are always compiled in full. A kit module the source
	 * tree has not compiled is compiled in the copy as usual.
	 * @param source the workshop root the copy was made from
	 */
	void reuseCompiledKit(Path source) {
		Path kit = source.resolve("workshop-kit");
		if (!Files.isDirectory(kit)) {
			return;
		}
		try (Stream<Path> modules = Files.list(kit)) {
			for (Path module : modules.filter((dir) -> Files.isRegularFile(dir.resolve("pom.xml"))).toList()) {
				for (String output : List.of("target/classes", "target/test-classes")) {
					copyTree(module.resolve(output), this.root.resolve(source.relativize(module)).resolve(output));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		if (!Files.isDirectory(from)) {
			return;
		}
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

	/**
	 * Returns the root of the copy.
	 * @return the folder
	 */
	Path root() {
		return this.root;
	}

	@Override
	public void close() {
		try (Stream<Path> files = Files.walk(this.root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> listFiles(Path source) throws IOException {
		Process process = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
			.directory(source.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (process.waitFor() != 0) {
				throw new WorkshopException("git ls-files failed in " + source + ": " + output.strip()
						+ ". The workshop must be a git clone.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while listing the workshop's files.", ex);
		}
		return Stream.of(output.split("\0")).filter((name) -> !name.isEmpty()).toList();
	}

}
