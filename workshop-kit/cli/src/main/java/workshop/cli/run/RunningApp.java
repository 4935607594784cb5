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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.system.ProcessTree;

/**
 * One app of a step, running as its own JVM. Its output is read line by line into an
 * {@link AppLog}, and its last lines are kept to explain a failure.
 */
public final class RunningApp {

	private static final int KEPT_LINES = 60;

	private static final HttpClient HEALTH_CLIENT = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(1))
		.build();

	private final App app;

	private final Process process;

	private final long launchedAt;

	private final Deque<String> lastLines = new ArrayDeque<>();

	private final Thread pump;

	private volatile long healthyAt;

	private RunningApp(App app, int index, Process process, long launchedAt, AppLog log) {
		this.app = app;
		this.process = process;
		this.launchedAt = launchedAt;
		this.pump = new Thread(() -> pump(index, log), app.name() + "-output");
		this.pump.setDaemon(true);
		this.pump.start();
	}

	/**
	 * Launches an app.
	 * @param app the app
	 * @param index its position in its step
	 * @param command the full command line ({@code java ...})
	 * @param workingDir the folder it runs in
	 * @param log where its output goes
	 * @return the running app, never null
	 * @throws WorkshopException when the process cannot be started
	 */
	static RunningApp launch(App app, int index, List<String> command, Path workingDir, AppLog log) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
		long launchedAt = System.nanoTime();
		try {
			return new RunningApp(app, index, builder.start(), launchedAt, log);
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot start " + app.name() + ": " + ex.getMessage(), ex);
		}
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
	 * @return true when it answered 200
	 */
	boolean checkHealth() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.app.healthUrl()))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			if (HEALTH_CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
				this.healthyAt = System.nanoTime();
				return true;
			}
		}
		catch (IOException ex) {
			// Not listening yet.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return false;
	}

	/**
	 * Returns the time from launch to the first healthy answer.
	 * @return the duration, or null while the app has not been healthy
	 */
	public Duration startupTime() {
		return (this.healthyAt == 0) ? null : Duration.ofNanos(this.healthyAt - this.launchedAt);
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
	 * Explains why the app ended, from its last lines.
	 * @return one line, never null
	 */
	String failureCause() {
		synchronized (this.lastLines) {
			return StartupFailure.cause(List.copyOf(this.lastLines));
		}
	}

	/**
	 * Stops the app and everything it started, letting it close cleanly first.
	 */
	void stop() {
		ProcessTree.stop(this.process.toHandle(), Duration.ofSeconds(20));
	}

	private void pump(int index, AppLog log) {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				synchronized (this.lastLines) {
					if (this.lastLines.size() == KEPT_LINES) {
						this.lastLines.removeFirst();
					}
					this.lastLines.addLast(line);
				}
				log.line(this.app.name(), index, line);
			}
		}
		catch (IOException ex) {
			// The process closed its output: it has ended.
		}
	}

}
