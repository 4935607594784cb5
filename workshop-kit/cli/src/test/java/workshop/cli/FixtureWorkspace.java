package workshop.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import workshop.cli.fixture.FixtureApp;
import workshop.cli.system.Ports;

/**
 * A workshop folder for tests: a manifest whose apps are the fixture apps (plain Java, no
 * Maven build, no Spring), packaged in a jar that is already up to date, on ports that
 * were free when it was made.
 * <ul>
 * <li>{@code pair}: apps {@code alpha} and {@code beta}, both healthy; alpha finds beta
 * by name ({@code lb}), so beta can be scaled.</li>
 * <li>{@code broken}: app {@code alpha}, healthy, and {@code broken}, which fails at
 * start.</li>
 * <li>{@code stateful}: app {@code gamma} and an embedded PostgreSQL with a database
 * {@code fixture}.</li>
 * <li>{@code messaging}: app {@code delta} and an embedded Kafka broker.</li>
 * </ul>
 */
public final class FixtureWorkspace implements AutoCloseable {

	private final Path root;

	private final List<Integer> ports;

	private FixtureWorkspace(Path root, List<Integer> ports) {
		this.root = root;
		this.ports = ports;
	}

	/**
	 * Creates the folder, the fixture jar and the manifest.
	 * @return the workspace; close it to delete it
	 */
	public static FixtureWorkspace create() {
		try {
			Path root = Files.createTempDirectory("workshop-fixture");
			List<Integer> ports = Ports.free(6);
			writeFixtureJar(root.resolve("fixture/target/fixture.jar"));
			String app = "      - name: %s\n        module: fixture\n        mainClass: workshop.cli.fixture.%s\n"
					+ "        port: %d\n        health: /ready\n";
			String manifest = "steps:\n" //
					+ "  - id: pair\n    dir: fixture\n    title: Two healthy apps\n    apps:\n"
					+ app.formatted("alpha", "FixtureApp", ports.get(0)) + "        calls:\n          beta: lb\n"
					+ app.formatted("beta", "FixtureApp", ports.get(1))
					+ "  - id: broken\n    dir: fixture\n    title: One app fails at start\n    apps:\n"
					+ app.formatted("alpha", "FixtureApp", ports.get(2))
					+ app.formatted("broken", "FailingFixtureApp", ports.get(3))
					+ "  - id: stateful\n    dir: fixture\n    title: An app and its database\n"
					+ "    infra:\n      postgres:\n        databases: [fixture]\n    apps:\n"
					+ app.formatted("gamma", "FixtureApp", ports.get(4))
					+ "  - id: messaging\n    dir: fixture\n    title: An app and its broker\n"
					+ "    infra:\n      kafka: true\n    apps:\n" + app.formatted("delta", "FixtureApp", ports.get(5));
			Files.writeString(root.resolve("workshop.yaml"), manifest);
			// A Maven wrapper whose build always fails, as with a compilation error.
			Files.writeString(root.resolve("mvnw"), "#!/bin/sh\necho \"[INFO] building $*\"\n"
					+ "echo '[ERROR] Shop.java:[3,1] class, interface or enum expected'\nexit 1\n");
			return new FixtureWorkspace(root, ports);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes the fixture module look edited since its jar was built.
	 */
	public void editFixtureSources() {
		try {
			Path source = Files.createDirectories(this.root.resolve("fixture/src/main/java")).resolve("Shop.java");
			Files.writeString(source, "edited\n");
			Files.setLastModifiedTime(source,
					java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	/** The port of {@code alpha} in step {@code pair}. */
	public int alphaPort() {
		return this.ports.get(0);
	}

	/** The port of {@code beta} in step {@code pair}. */
	public int betaPort() {
		return this.ports.get(1);
	}

	/** The port of {@code gamma} in step {@code stateful}. */
	public int gammaPort() {
		return this.ports.get(4);
	}

	/** The port of {@code alpha} in step {@code broken}. */
	public int brokenStepAlphaPort() {
		return this.ports.get(2);
	}

	@Override
	public void close() throws IOException {
		try (Stream<Path> files = Files.walk(this.root)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/** Packs the compiled fixture classes into a jar, as a module's build would. */
	private static void writeFixtureJar(Path jar) throws IOException {
		Path classes;
		try {
			classes = Path.of(FixtureApp.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
		Path fixturePackage = classes.resolve("workshop/cli/fixture");
		Files.createDirectories(jar.getParent());
		try (OutputStream file = Files.newOutputStream(jar);
				JarOutputStream out = new JarOutputStream(file);
				Stream<Path> entries = Files.list(fixturePackage)) {
			for (Path entry : entries.toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
				Files.copy(entry, out);
				out.closeEntry();
			}
		}
	}

}
