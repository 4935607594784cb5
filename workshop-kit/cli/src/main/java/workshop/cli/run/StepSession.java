package workshop.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;
import workshop.cli.system.Ports;
import workshop.infra.InfraMode;

/**
 * A step running: its infrastructure and one JVM per app, all healthy. Used by
 * {@code run} and {@code bench}. Closing it stops the apps with everything they started,
 * then the infrastructure.
 */
public final class StepSession implements AutoCloseable {

	private static final Duration HEALTH_POLL = Duration.ofMillis(200);

	private final Step step;

	private final PrintWriter status;

	private final List<RunningApp> apps = new ArrayList<>();

	private StepInfrastructure infrastructure;

	private boolean closed;

	private StepSession(Step step, PrintWriter status) {
		this.step = step;
		this.status = status;
	}

	/**
	 * Creates a session that has started nothing yet. Register {@link #close()} as a
	 * shutdown hook before calling {@link #start}, so that Ctrl-C during the start stops
	 * what was started so far.
	 * @param step the step
	 * @param status where progress messages go
	 * @return the session, never null
	 */
	public static StepSession of(Step step, PrintWriter status) {
		return new StepSession(step, status);
	}

	/**
	 * Starts the step and waits until every app answers its health URL.
	 * @param workspace the workshop folder
	 * @param mode where PostgreSQL and Kafka come from
	 * @param log where the apps' output goes
	 * @param healthTimeout how long each app may take to become healthy
	 * @throws WorkshopException when a port is taken, the build fails or an app does not
	 * start; whatever was started has been stopped
	 */
	public void start(Workspace workspace, InfraMode mode, AppLog log, Duration healthTimeout) {
		checkPorts(this.step);
		List<String> modules = this.step.apps().stream().map(App::module).distinct().toList();
		List<Path> jars = new ModuleBuilder(workspace, this.status).ensureBuilt(modules);
		try {
			List<FastStartLayout> layouts = new ArrayList<>();
			for (App app : this.step.apps()) {
				Path jar = jars.get(modules.indexOf(app.module()));
				Path workDir = workspace.resolve(this.step.dir())
					.resolve("target")
					.resolve("workshop")
					.resolve(app.name());
				layouts.add(FastStartLayout.prepare(app, jar, workDir));
			}
			startInfrastructure(mode);
			train(layouts);
			// One app at a time, in manifest order (an app comes after the apps it
			// calls):
			// each start is measured alone, logs do not interleave, and a gateway opens
			// only once what is behind it is ready. Starting is CPU-bound, so on a
			// laptop's
			// few cores starting them together would not be faster.
			for (int i = 0; i < layouts.size(); i++) {
				awaitHealthy(launch(i, layouts.get(i), log), healthTimeout);
			}
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Returns the step that runs.
	 * @return the step
	 */
	public Step step() {
		return this.step;
	}

	/**
	 * Returns the running apps, in manifest order.
	 * @return the apps, never null
	 */
	public List<RunningApp> apps() {
		return List.copyOf(this.apps);
	}

	/**
	 * Describes the running infrastructure for the user.
	 * @return a short description, empty when nothing was started
	 */
	public String infrastructure() {
		return (this.infrastructure != null) ? this.infrastructure.describe() : "";
	}

	/**
	 * Blocks until one of the apps ends, for whatever reason.
	 * @return which app ended and why, never null
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public AppExit awaitFirstExit() throws InterruptedException {
		CompletableFuture<?>[] exits = this.apps.stream()
			.map((app) -> app.process().onExit())
			.toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.anyOf(exits).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		for (RunningApp app : this.apps) {
			if (!app.isAlive()) {
				int code = app.exitCode();
				return new AppExit(app.app().name(), code, app.failureCause());
			}
		}
		throw new IllegalStateException("An app ended but none is dead");
	}

	/**
	 * Stops every app with everything it started, then the infrastructure. Safe to call
	 * more than once and from several threads (Ctrl-C and an app's death may race): later
	 * calls wait for the first.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<Thread> stoppers = new ArrayList<>();
		for (RunningApp app : this.apps) {
			Thread stopper = new Thread(app::stop, "stop-" + app.app().name());
			stopper.start();
			stoppers.add(stopper);
		}
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.infrastructure != null) {
			this.infrastructure.close();
		}
	}

	private static void checkPorts(Step step) {
		List<Integer> seen = new ArrayList<>();
		for (App app : step.apps()) {
			if (seen.contains(app.port())) {
				throw new WorkshopException("Two apps of " + step.id() + " use port " + app.port()
						+ ". Give each app its own port in workshop.yaml.");
			}
			seen.add(app.port());
			if (!Ports.isFree(app.port())) {
				throw new WorkshopException(
						"Port " + app.port() + " for " + app.name() + " is taken by " + Ports.holder(app.port())
								+ ". Stop that process, or change the port of " + app.name() + " in workshop.yaml.");
			}
		}
	}

	private synchronized void startInfrastructure(InfraMode mode) {
		if (this.closed) {
			throw new WorkshopException("Stopped before the infrastructure started.");
		}
		if (this.step.infra().any() && mode != InfraMode.EXTERNAL) {
			this.status.println("Starting " + describeNeeds() + " (" + mode.name().toLowerCase(Locale.ROOT) + ")...");
			this.status.flush();
		}
		this.infrastructure = StepInfrastructure.start(this.step.infra(), mode);
	}

	private String describeNeeds() {
		List<String> parts = new ArrayList<>();
		if (this.step.infra().postgres()) {
			parts.add("PostgreSQL");
		}
		if (this.step.infra().kafka()) {
			parts.add("Kafka");
		}
		return String.join(" and ", parts);
	}

	private void train(List<FastStartLayout> layouts) {
		for (int i = 0; i < layouts.size(); i++) {
			FastStartLayout layout = layouts.get(i);
			if (layout.needsTraining()) {
				App app = this.step.apps().get(i);
				this.status.println("Training the class-data archive of " + app.name()
						+ " (once per build and JDK; later starts are faster)...");
				this.status.flush();
				if (!layout.train(this.infrastructure.argumentsFor(app))) {
					this.status.println("Training " + app.name() + " failed (see " + layout.trainingLog()
							+ "); it starts without the archive.");
				}
			}
		}
	}

	private RunningApp launch(int index, FastStartLayout layout, AppLog log) {
		App app = this.step.apps().get(index);
		List<String> command = layout.command(this.infrastructure.argumentsFor(app));
		synchronized (this) {
			if (this.closed) {
				throw new WorkshopException("Stopped before " + app.name() + " started.");
			}
			RunningApp running = RunningApp.launch(app, index, command, layout.workDir(), log);
			this.apps.add(running);
			return running;
		}
	}

	private void awaitHealthy(RunningApp app, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!app.checkHealth()) {
			if (!app.isAlive()) {
				throw new WorkshopException(app.app().name() + " failed to start (exit code " + app.exitCode() + "): "
						+ app.failureCause());
			}
			if (System.nanoTime() > deadline) {
				throw new WorkshopException(app.app().name() + " was not healthy within " + timeout.toSeconds()
						+ " s at " + app.app().healthUrl() + " (last output: " + app.failureCause()
						+ "). Check its log, or allow more time with --timeout.");
			}
			waitForExit(app);
		}
		this.status.printf(Locale.ROOT, "%s is healthy after %.1f s%n", app.app().name(),
				app.startupTime().toMillis() / 1000.0);
		this.status.flush();
	}

	/** Waits one poll interval, returning early when the app ends. */
	private static void waitForExit(RunningApp app) {
		try {
			app.process().onExit().get(HEALTH_POLL.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// Still running: poll again.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while waiting for the apps to start.", ex);
		}
	}

	/**
	 * How an app ended.
	 *
	 * @param app the app's name
	 * @param exitCode its exit code
	 * @param cause the line of its output that best explains why
	 */
	public record AppExit(String app, int exitCode, String cause) {

		/**
		 * Returns whether the app was stopped by a signal asking it to (Ctrl-C or a
		 * kill), rather than failing.
		 * @return true for exit codes 130 (SIGINT) and 143 (SIGTERM)
		 */
		public boolean stoppedBySignal() {
			return this.exitCode == 130 || this.exitCode == 143;
		}

	}

}
