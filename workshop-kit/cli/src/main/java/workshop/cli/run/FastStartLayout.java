package workshop.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;

/**
 * How an app is launched quickly. A Spring Boot jar is extracted once
 * ({@code java -Djarmode=tools -jar app.jar extract}) so classes load from plain jars,
 * and a class-data archive is trained on the first run: {@code -XX:ArchiveClassesAtExit}
 * then {@code -XX:SharedArchiveFile} on JDK 17 to 24, {@code -XX:AOTCacheOutput} then
 * {@code -XX:AOTCache} on JDK 25 and newer. Stamps record which jar and which JDK each
 * was made from; a new jar or a new JDK redoes the work. Any other jar runs as it is,
 * with the app's main class.
 */
final class FastStartLayout {

	private static final Duration TRAINING_LIMIT = Duration.ofMinutes(3);

	private final App app;

	/**
	 * Settings for every app: a step runs several JVMs on one laptop. With the defaults
	 * each may grow its heap to a quarter of the machine's memory (measured on step 0:
	 * about 300 MB resident instead of 400-700 MB, at the same latency). And each would
	 * compile its hot code twice, the second time with C2, whose compiler threads take
	 * the cores from the apps for the first minutes of a run; the C1 compiler alone
	 * reaches its speed within seconds (measured on step 4, seven JVMs on two cores:
	 * three times the orders a second and 300 MB less after a 10 s warm-up; C2 is faster
	 * only after minutes of steady load).
	 */
	static final List<String> LAPTOP_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");

	private final Path jar;

	private final Path workDir;

	/** Whether the jar is extracted and given a class-data archive. */
	private final boolean springBoot;

	/** Whether the jar is a Spring Boot jar, run with {@code -jar}. */
	private final boolean executable;

	private FastStartLayout(App app, Path jar, Path workDir, boolean springBoot, boolean executable) {
		this.app = app;
		this.jar = jar;
		this.workDir = workDir;
		this.springBoot = springBoot;
		this.executable = executable;
	}

	/**
	 * Prepares the layout of an app, extracting its jar when it changed since the last
	 * extraction.
	 * @param app the app
	 * @param jar its built jar
	 * @param workDir the app's working folder, kept between runs
	 * @param fastStart false to run the jar as it is, without extraction or archive
	 * @return the layout, never null
	 */
	static FastStartLayout prepare(App app, Path jar, Path workDir, boolean fastStart) {
		boolean springBoot = isSpringBootJar(jar);
		FastStartLayout layout = new FastStartLayout(app, jar, workDir, fastStart && springBoot, springBoot);
		try {
			Files.createDirectories(workDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (layout.springBoot) {
			layout.extractIfStale();
		}
		return layout;
	}

	/**
	 * Returns whether the class-data archive is missing or was made from another jar or
	 * JDK.
	 * @return true when a training run is due
	 */
	boolean needsTraining() {
		return this.springBoot && !(Files.isRegularFile(archive()) && jarAndJdkStamp().equals(read(trainingStamp())));
	}

	/**
	 * Runs the app once to record the classes it loads, stopping right after the
	 * application context is refreshed. Needs the app's infrastructure up (the app
	 * migrates its database on refresh).
	 * @param jvmOptions JVM options after the manifest's
	 * @param arguments the app's arguments, as for a normal start
	 * @return true when the archive was made; false leaves the app to start without one
	 */
	boolean train(List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(javaCommand()));
		command.addAll(LAPTOP_JVM_OPTIONS);
		command.addAll(this.app.jvmOptions());
		command.addAll(jvmOptions);
		command.addAll(List.of(trainingOption(), "-Dspring.context.exit=onRefresh", "-jar", extractedJar().toString()));
		command.addAll(arguments);
		try {
			Files.deleteIfExists(archive());
			Process process = new ProcessBuilder(command).directory(this.workDir.toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.workDir.resolve("training.log").toFile())
				.start();
			if (!process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return false;
			}
			if (process.exitValue() != 0 || !Files.isRegularFile(archive())) {
				return false;
			}
			Files.writeString(trainingStamp(), jarAndJdkStamp());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Returns the log of the last training run.
	 * @return the file
	 */
	Path trainingLog() {
		return this.workDir.resolve("training.log");
	}

	/**
	 * Returns the command line that starts the app, using the archive when it is current.
	 * @param jvmOptions JVM options after the manifest's
	 * @param arguments the app's arguments
	 * @return the command line
	 */
	List<String> command(List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(javaCommand());
		command.addAll(LAPTOP_JVM_OPTIONS);
		command.addAll(this.app.jvmOptions());
		command.addAll(jvmOptions);
		if (this.springBoot) {
			if (!needsTraining()) {
				command.add(archiveOption());
			}
			command.add("-jar");
			command.add(extractedJar().toString());
		}
		else if (this.executable) {
			command.add("-jar");
			command.add(this.jar.toString());
		}
		else {
			command.add("-cp");
			command.add(this.jar.toString());
			command.add(this.app.mainClass());
		}
		command.addAll(arguments);
		return command;
	}

	/**
	 * Returns the folder the app runs in.
	 * @return the working folder
	 */
	Path workDir() {
		return this.workDir;
	}

	private void extractIfStale() {
		Path destination = this.workDir.resolve("app");
		String stamp = jarStamp();
		if (Files.isRegularFile(extractedJar()) && stamp.equals(read(extractionStamp()))) {
			return;
		}
		try {
			deleteTree(destination);
			Process process = new ProcessBuilder(javaCommand(), "-Djarmode=tools", "-jar", this.jar.toString(),
					"extract", "--destination", destination.toString())
				.redirectErrorStream(true)
				.redirectOutput(this.workDir.resolve("extract.log").toFile())
				.start();
			if (process.waitFor() != 0 || !Files.isRegularFile(extractedJar())) {
				throw new WorkshopException("Cannot extract " + this.jar.getFileName() + " for " + this.app.name()
						+ ": see " + this.workDir.resolve("extract.log") + ". Rebuild the module with ./mvnw package.");
			}
			Files.writeString(extractionStamp(), stamp);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while extracting " + this.jar.getFileName() + ".", ex);
		}
	}

	private Path extractedJar() {
		return this.workDir.resolve("app").resolve(this.jar.getFileName());
	}

	private Path archive() {
		return this.workDir.resolve(aotCache() ? "app.aot" : "app.jsa");
	}

	private String trainingOption() {
		return (aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive();
	}

	private String archiveOption() {
		return (aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive();
	}

	private Path extractionStamp() {
		return this.workDir.resolve("extracted.stamp");
	}

	private Path trainingStamp() {
		return this.workDir.resolve("trained.stamp");
	}

	/** Identifies the jar: a rebuilt jar has another size or time. */
	private String jarStamp() {
		try {
			return this.jar + " " + Files.size(this.jar) + " " + Files.getLastModifiedTime(this.jar).toMillis();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Identifies the jar and the JDK: an archive is only valid for the JVM that wrote it.
	 */
	private String jarAndJdkStamp() {
		return jarStamp() + " " + System.getProperty("java.home") + " " + System.getProperty("java.vm.version");
	}

	/** The AOT cache (JEP 483) replaces dynamic CDS archives from JDK 25 on. */
	private static boolean aotCache() {
		return Runtime.version().feature() >= 25;
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Returns whether a jar is an executable Spring Boot jar.
	 * @param jar the jar
	 * @return true when its manifest names a Spring Boot version
	 */
	static boolean isSpringBootJar(Path jar) {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.getManifest() != null
					&& file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
		}
		catch (IOException ex) {
			throw new WorkshopException(
					"Cannot read " + jar + ": " + ex.getMessage() + ". Rebuild it with ./mvnw package.", ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

}
