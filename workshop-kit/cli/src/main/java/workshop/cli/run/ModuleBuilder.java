package workshop.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;
import workshop.cli.Workspace;

/**
 * Builds the jars of a step's modules with the Maven wrapper, and only when needed: when
 * a jar is missing or its module's sources are newer. The build is quiet; its output is
 * shown only when it fails.
 */
final class ModuleBuilder {

	private final Workspace workspace;

	private final PrintWriter out;

	ModuleBuilder(Workspace workspace, PrintWriter out) {
		this.workspace = workspace;
		this.out = out;
	}

	/**
	 * Makes sure every module has an up-to-date jar.
	 * @param modules module folders, relative to the workshop root
	 * @return the jar of each module, in the same order
	 * @throws WorkshopException when the build fails (its output has been printed)
	 */
	List<Path> ensureBuilt(List<String> modules) {
		List<String> stale = modules.stream().filter(this::isStale).toList();
		if (!stale.isEmpty()) {
			build(stale);
			stale.forEach(this::markChecked);
		}
		List<Path> jars = new ArrayList<>();
		for (String module : modules) {
			jars.add(jar(module).orElseThrow(() -> new WorkshopException(
					"The build of " + module + " made no jar in " + module + "/target. Check its pom.xml packaging.")));
		}
		return jars;
	}

	/**
	 * Returns whether a module needs building: no jar, or a source or its POM newer than
	 * the jar.
	 * @param module the module folder
	 * @return true when stale
	 */
	boolean isStale(String module) {
		Optional<Path> jar = jar(module);
		if (jar.isEmpty()) {
			return true;
		}
		FileTime built = modified(jar.get());
		Path dir = this.workspace.resolve(module);
		return newest(dir.resolve("src")).compareTo(built) > 0 || modified(dir.resolve("pom.xml")).compareTo(built) > 0;
	}

	/**
	 * Finds a module's application jar in its {@code target} folder.
	 * @param module the module folder
	 * @return the newest jar that is not a sources, javadoc, tests or plain jar; empty
	 * when there is none
	 */
	Optional<Path> jar(String module) {
		Path target = this.workspace.resolve(module).resolve("target");
		if (!Files.isDirectory(target)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(target)) {
			List<Path> jars = files.filter((file) -> isApplicationJar(file.getFileName().toString())).toList();
			Optional<Path> bootJar = jars.stream()
				.filter(FastStartLayout::isSpringBootJar)
				.max(Comparator.comparing(ModuleBuilder::modified));
			return bootJar.or(() -> jars.stream().max(Comparator.comparing(ModuleBuilder::modified)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Maven leaves an up-to-date jar untouched, so a touched but unchanged source would
	 * look stale forever: a marker records when the build last succeeded.
	 */
	private Path checkedMarker(String module) {
		return this.workspace.resolve(module).resolve("target").resolve("workshop").resolve("build.checked");
	}

	private void markChecked(String module) {
		try {
			Path marker = checkedMarker(module);
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, "built by ./workshop\n");
		}
		catch (IOException ex) {
			// Without the marker the next run checks the build again: slower, still
			// correct.
		}
	}

	private static boolean isApplicationJar(String name) {
		return name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar")
				&& !name.endsWith("-tests.jar") && !name.endsWith("-plain.jar");
	}

	private void build(List<String> modules) {
		this.out.println("Building " + String.join(", ", modules) + " (sources changed since the last build)...");
		this.out.flush();
		boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
		Path wrapper = this.workspace.root().resolve(windows ? "mvnw.cmd" : "mvnw");
		Path log = this.workspace.workDir().resolve("build.log");
		List<String> command = new ArrayList<>();
		if (!windows) {
			// Through sh, so a wrapper that lost its executable bit (unzipped, copied)
			// still runs.
			command.add("sh");
		}
		command.addAll(List.of(wrapper.toString(), "-q", "-B", "-pl", String.join(",", modules), "-am", "package",
				"-DskipTests", "-Dspring-javaformat.validate.skip=true"));
		int exit;
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(command).directory(this.workspace.root().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			exit = process.waitFor();
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot run " + wrapper + ": " + ex.getMessage()
					+ ". Run ./workshop from the workshop folder, which holds the Maven wrapper.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while building " + String.join(", ", modules) + ".", ex);
		}
		if (exit != 0) {
			List<String> output = readLines(log);
			output.forEach(this.out::println);
			this.out.flush();
			String firstError = output.stream()
				.filter((line) -> line.startsWith("[ERROR]"))
				.findFirst()
				.orElse("exit code " + exit);
			throw new WorkshopException("The build of " + String.join(", ", modules) + " failed: " + firstError
					+ " (output above, also in " + this.workspace.root().relativize(log) + ").");
		}
	}

	private static List<String> readLines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static FileTime newest(Path dir) {
		if (!Files.isDirectory(dir)) {
			return FileTime.fromMillis(0);
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile)
				.map(ModuleBuilder::modified)
				.max(Comparator.naturalOrder())
				.orElse(FileTime.fromMillis(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

}
