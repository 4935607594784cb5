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
