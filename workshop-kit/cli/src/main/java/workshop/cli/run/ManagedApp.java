package workshop.cli.run;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.system.ProcessTree;

/**
 * One app of a running step, across its restarts: started, stopped on request, killed on
 * request, or dead unasked. Only a death nobody asked for is a failure; it is passed to
 * the session's listener. Thread-safe: the control endpoint and the supervisor act on it
 * from their own threads.
 */
public final class ManagedApp {

	/** What an app is doing. */
	public enum State {

		/** Launched, not healthy yet. */
		STARTING,
		/** Healthy once; {@link #health()} says how it is now. */
		RUNNING,
		/** Asked to stop, not gone yet. */
		STOPPING,
		/** Stopped on request. */
		STOPPED,
		/** Killed on request (SIGKILL), as a crash would. */
		KILLED,
		/** Ended while nobody asked it to. */
		CRASHED,
		/** Ended, or never became healthy, while starting. */
		FAILED;

		/**
		 * Returns the name shown to users.
		 * @return the lower-case name
		 */
		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Duration HEALTH_POLL = Duration.ofMillis(200);

	private static final int KEPT_LINES = 200;

	private final App app;

	private final int index;

	private final int port;

	private final Supplier<List<String>> command;

	private final Path workDir;

	private final AppLog log;

	private final Consumer<ManagedApp> onUnexpectedExit;

	private final LogTail tail = new LogTail(KEPT_LINES);

	private RunningApp current;

	private State state = State.STOPPED;

	private boolean stopAsked;

	private boolean killAsked;

	private Integer lastExitCode;

	ManagedApp(App app, int index, int port, Supplier<List<String>> command, Path workDir, AppLog log,
			Consumer<ManagedApp> onUnexpectedExit) {
		this.app = app;
		this.index = index;
		this.port = port;
		this.command = command;
		this.workDir = workDir;
		this.log = log;
		this.onUnexpectedExit = onUnexpectedExit;
	}

	/**
	 * Returns the app as the manifest describes it.
	 * @return the app
	 */
	public App app() {
		return this.app;
	}

	/**
	 * Returns the app's name.
	 * @return the name
	 */
	public String name() {
		return this.app.name();
	}

	/**
	 * Returns the port it listens on in this session.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns its base URL on this machine.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/**
	 * Returns what it is doing.
	 * @return the state
	 */
	public synchronized State state() {
		return this.state;
	}

	/**
	 * Returns the exit code of its last process.
	 * @return the code, or null when none has ended
	 */
	public synchronized Integer lastExitCode() {
		return this.lastExitCode;
	}

	/**
	 * Returns its current process.
	 * @return the process, or null when none runs
	 */
	public synchronized RunningApp current() {
		return (this.current != null && this.current.isAlive()) ? this.current : null;
	}

	/**
	 * Asks its health URL once.
	 * @return the HTTP status, or 0 when no process runs or nothing answered
	 */
	public int health() {
		RunningApp running = current();
		return (running != null) ? running.health() : 0;
	}

	/**
	 * Returns how long its current process has run.
	 * @return the time since launch, or null when none runs
	 */
	public Duration uptime() {
		RunningApp running = current();
		return (running != null) ? Duration.between(running.launched(), Instant.now()) : null;
	}

	/**
	 * Returns the resident memory of its process tree.
	 * @return bytes, or -1 when none runs or it cannot be read
	 */
	public long residentBytes() {
		RunningApp running = current();
		return (running != null) ? ProcessTree.residentBytes(running.process()) : -1;
	}

	/**
	 * Returns its last lines of output, across restarts.
	 * @param count how many at most
	 * @return the lines, oldest first, never null
	 */
	public List<String> lastLines(int count) {
		return this.tail.last(count);
	}

	/**
	 * Starts the app and waits until it is healthy.
	 * @param timeout how long it may take
	 * @return the time from launch to healthy
	 * @throws WorkshopException when it already runs, or does not become healthy; a
	 * process that did not become healthy in time is stopped
	 */
	public Duration start(Duration timeout) {
		RunningApp running;
		synchronized (this) {
			if (this.state == State.STARTING || this.state == State.STOPPING || current() != null) {
				throw new WorkshopException(
						name() + " is already " + (this.state == State.STOPPING ? "stopping" : "running")
								+ ((this.current != null) ? " (pid " + this.current.process().pid() + ")" : "")
								+ ". Use ./workshop restart " + name() + " to start it again.");
			}
			running = RunningApp.launch(this.app, this.index, url().resolve(this.app.health()), this.command.get(),
					this.workDir, this.log, this.tail);
			this.current = running;
			this.state = State.STARTING;
			this.stopAsked = false;
			this.killAsked = false;
			running.process().onExit().thenRun(() -> exited(running));
		}
		awaitHealthy(running, timeout);
		synchronized (this) {
			if (this.current == running && this.state == State.STARTING) {
				this.state = State.RUNNING;
			}
		}
		return running.startupTime();
	}

	/**
	 * Stops the app gracefully (SIGTERM, then SIGKILL after 20 s) and waits until it has
	 * ended.
	 * @throws WorkshopException when it does not run
	 */
	public void stop() {
		RunningApp running = asked(false);
		running.stop();
		awaitExitHandled(running);
	}

	/**
	 * Kills the app at once (SIGKILL), as a crash would, and waits until it has ended.
	 * @throws WorkshopException when it does not run
	 */
	public void kill() {
		RunningApp running = asked(true);
		running.kill();
		awaitExitHandled(running);
	}

	/**
	 * Stops the app if it runs, for the end of the session. Never fails.
	 */
	void shutDown() {
		RunningApp running;
		synchronized (this) {
			running = current();
			if (running == null) {
				return;
			}
			this.stopAsked = true;
			this.state = State.STOPPING;
		}
		running.stop();
	}

	private synchronized RunningApp asked(boolean kill) {
		RunningApp running = current();
		if (running == null) {
			throw new WorkshopException(name() + " is not running (" + this.state.label()
					+ "). Start it with ./workshop start " + name() + ".");
		}
		this.stopAsked = true;
		this.killAsked = kill;
		this.state = State.STOPPING;
		return running;
	}

	private void exited(RunningApp running) {
		int code = running.exitCode();
		boolean unexpected;
		synchronized (this) {
			if (running != this.current) {
				return;
			}
			this.lastExitCode = code;
			unexpected = false;
			if (this.stopAsked) {
				this.state = this.killAsked ? State.KILLED : State.STOPPED;
			}
			else if (this.state == State.RUNNING) {
				this.state = State.CRASHED;
				unexpected = true;
			}
			else {
				// Died while starting: whoever started it reports why.
				this.state = State.FAILED;
			}
			notifyAll();
		}
		if (unexpected) {
			this.onUnexpectedExit.accept(this);
		}
	}

	/** Waits until {@link #exited} has recorded the end of a process. */
	private synchronized void awaitExitHandled(RunningApp running) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (this.current == running && this.state == State.STOPPING && System.nanoTime() < deadline) {
			try {
				wait(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void awaitHealthy(RunningApp running, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (running.health() != 200) {
			if (!running.isAlive()) {
				throw new WorkshopException(name() + " failed to start (exit code " + running.exitCode() + "): "
						+ StartupFailure.cause(lastLines(60)));
			}
			if (System.nanoTime() > deadline) {
				synchronized (this) {
					this.state = State.FAILED;
				}
				running.stop();
				throw new WorkshopException(name() + " was not healthy within " + timeout.toSeconds() + " s at "
						+ url().resolve(this.app.health()) + " (last output: " + StartupFailure.cause(lastLines(60))
						+ "). Check its log, or allow more time with --timeout.");
			}
			try {
				running.process().onExit().get(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// Still running: ask again.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new WorkshopException("Interrupted while waiting for " + name() + " to start.", ex);
			}
		}
	}

}
