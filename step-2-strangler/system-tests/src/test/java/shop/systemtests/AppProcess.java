package shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One app of the shop as its own JVM, started from its executable jar with laptop JVM
 * flags, its output appended to {@code <app>.log}. Start it, wait until its readiness
 * endpoint answers 200, stop it; it can be started again on the same port.
 */
final class AppProcess {

	private static final Logger logger = LoggerFactory.getLogger(AppProcess.class);

	/**
	 * The flags {@code ./workshop run} gives every app, plus C1 only: several JVMs share
	 * two cores, and these apps start faster without the optimizing compiler.
	 */
	static final List<String> LAPTOP_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
			"-Xshare:auto");

	private static final String READINESS_PATH = "/actuator/health/readiness";

	/** How long a stopping app may shut down gracefully before it is killed. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private static final HttpClient READINESS_CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final String name;

	private final Path jar;

	private final int port;

	private final List<String> arguments;

	private final Path log;

	private Process process;

	private volatile long launchedAt;

	/**
	 * Describes an app; nothing starts yet.
	 * @param name the app's name, as in its {@code X-Served-By}
	 * @param jar its executable jar
	 * @param port the port it listens on
	 * @param arguments Spring Boot properties beyond {@code --server.port}, such as
	 * {@code --spring.datasource.url=...}
	 * @param log the file its output goes to
	 */
	AppProcess(String name, Path jar, int port, List<String> arguments, Path log) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.arguments = List.copyOf(arguments);
		this.log = log;
	}

	String name() {
		return this.name;
	}

	/**
	 * Where the app answers.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Launches the JVM and returns at once; see {@link #awaitReady}.
	 */
	synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is already running");
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(LAPTOP_JVM_OPTIONS);
		command.addAll(List.of("-jar", this.jar.toString(), "--server.port=" + this.port));
		command.addAll(this.arguments);
		try {
			Files.createDirectories(this.log.getParent());
			this.launchedAt = System.nanoTime();
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name + " from " + this.jar, ex);
		}
	}

	/**
	 * Waits until the app's readiness endpoint answers 200.
	 * @param timeout how long it may take
	 * @throws IllegalStateException naming the app and its log when it exits or is not
	 * ready in time
	 */
	void awaitReady(Duration timeout) {
		Process running = current();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isReady()) {
			if (!running.isAlive()) {
				throw new IllegalStateException(this.name + " exited with code " + running.exitValue()
						+ " before it was ready; see its log: " + this.log);
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " was not ready within " + timeout.toSeconds() + " s at "
						+ url().resolve(READINESS_PATH) + "; see its log: " + this.log);
			}
			waitForExit(running, POLL_INTERVAL);
		}
		// Wall time depends on what else runs on the machine; CPU time much less so.
		logger.info("{} ready {} ms after launch, having used {} ms of CPU", this.name,
				Duration.ofNanos(System.nanoTime() - this.launchedAt).toMillis(),
				running.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L));
	}

	/**
	 * Stops the app: asks it to shut down gracefully, and kills it when it has not after
	 * a grace period. Does nothing when it does not run.
	 */
	synchronized void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!waitForExit(this.process, STOP_GRACE)) {
			this.process.destroyForcibly();
			waitForExit(this.process, STOP_GRACE);
		}
	}

	private synchronized Process current() {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " was never started");
		}
		return this.process;
	}

	private boolean isReady() {
		HttpRequest request = HttpRequest.newBuilder(url().resolve(READINESS_PATH))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			return READINESS_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
		}
	}

	/**
	 * Waits for the process to end, at most the given time: the pause between two
	 * readiness checks, cut short when the app dies.
	 * @return true when it ended
	 */
	private static boolean waitForExit(Process process, Duration atMost) {
		try {
			return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
