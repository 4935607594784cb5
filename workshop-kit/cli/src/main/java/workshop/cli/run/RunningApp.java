package workshop.cli.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.system.ProcessTree;

/**
 * One process of an app: a JVM launched once. Its output is read line by line into an
 * {@link AppLog} and the app's {@link LogTail}.
 */
public final class RunningApp {

	private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final App app;

	private final URI healthUrl;

	private final Process process;

	private final long launchedAt;

	private final Instant launchedInstant;

	private final Thread pump;

	private volatile long healthyAt;

	private RunningApp(App app, URI healthUrl, Process process, long launchedAt, Runnable pump) {
		this.app = app;
		this.healthUrl = healthUrl;
		this.process = process;
		this.launchedAt = launchedAt;
		this.launchedInstant = Instant.now();
		this.pump = new Thread(pump, app.name() + "-output");
		this.pump.setDaemon(true);
	}

	/**
	 * Launches an app.
	 * @param app the app
	 * @param index its position in its step, for its log color
	 * @param healthUrl the URL answering 200 once it is ready
	 * @param command the full command line ({@code java ...})
	 * @param workingDir the folder it runs in
	 * @param log where its output goes
	 * @param tail keeps its last lines
	 * @return the running app, never null
	 * @throws WorkshopException when the process cannot be started
	 */
	static RunningApp launch(App app, int index, URI healthUrl, List<String> command, Path workingDir, AppLog log,
			LogTail tail) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
		long launchedAt = System.nanoTime();
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot start " + app.name() + ": " + ex.getMessage(), ex);
		}
		RunningApp running = new RunningApp(app, healthUrl, process, launchedAt,
				() -> pump(process, app.name(), index, log, tail));
		running.pump.start();
		return running;
	}

	/**
	 * Returns the app this process runs.
	 * @return the app
	 */
	public App app() {
		return this.app;
	}

	/**
	 * Returns the process.
	 * @return the process handle
	 */
	public ProcessHandle process() {
		return this.process.toHandle();
	}

	/**
	 * Asks the health URL once.
	 * @return the HTTP status, or 0 when nothing answered
	 */
	int health() {
		HttpRequest request = HttpRequest.newBuilder(this.healthUrl).timeout(Duration.ofSeconds(2)).build();
		try {
			int status = HEALTH_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status == 200 && this.healthyAt == 0) {
				this.healthyAt = System.nanoTime();
			}
			return status;
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/**
	 * Returns the time from launch to the first healthy answer.
	 * @return the duration, or null while the app has not been healthy
	 */
	public Duration startupTime() {
		return (this.healthyAt == 0) ? null : Duration.ofNanos(this.healthyAt - this.launchedAt);
	}

	/**
	 * Returns when the process was launched.
	 * @return the instant
	 */
	Instant launched() {
		return this.launchedInstant;
	}

	/**
	 * Returns whether the process is still running.
	 * @return true when alive
	 */
	boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Returns the exit code of a process that has ended, once all of its output has been
	 * read.
	 * @return the exit code
	 */
	int exitCode() {
		try {
			this.process.waitFor();
			this.pump.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.process.exitValue();
	}

	/**
	 * Stops the app and everything it started, letting it close cleanly first.
	 */
	void stop() {
		ProcessTree.stop(this.process.toHandle(), Duration.ofSeconds(20));
	}

	/**
	 * Kills the app and everything it started at once (SIGKILL), as a crash would.
	 */
	void kill() {
		ProcessTree.kill(this.process.toHandle());
	}

	private static void pump(Process process, String name, int index, AppLog log, LogTail tail) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				tail.add(line);
				log.line(name, index, line);
			}
		}
		catch (IOException ex) {
			// The process closed its output: it has ended.
		}
	}

}
