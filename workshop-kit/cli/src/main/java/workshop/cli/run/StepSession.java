package workshop.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import workshop.cli.Terminal;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;
import workshop.cli.system.Orphans;
import workshop.cli.system.Ports;
import workshop.cli.traces.TraceCollector;
import workshop.infra.InfraMode;

/**
 * A step running: its infrastructure and one JVM per app. Used by {@code run},
 * {@code bench} and the steps' system tests. Apps and servers can be stopped, killed and
 * started one by one while the rest keeps running ({@link #control}); an app that dies
 * unasked is reported, and ends the session only when
 * {@link SessionOptions#stopOnFailure} says so. Closing it stops the apps with everything
 * they started, then the infrastructure; kept data stays, temporary data is deleted.
 */
public final class StepSession implements AutoCloseable {

	/** How many of an app's last lines a crash report shows. */
	private static final int REPORTED_LINES = 12;

	/**
	 * The most instances {@link #scale} runs of one app: a laptop runs the whole step.
	 */
	public static final int MAX_INSTANCES = 3;

	private final Step step;

	private final PrintWriter status;

	private final SessionOptions options;

	private final Terminal terminal;

	// Written by the control endpoint's threads (scale) while others read it.
	private final List<ManagedApp> apps = new CopyOnWriteArrayList<>();

	private final List<FastStartLayout> layouts = new ArrayList<>();

	private AppLog log;

	private final CompletableFuture<Ending> ending = new CompletableFuture<>();

	private StepData data;

	private StepInfrastructure infrastructure;

	private boolean closed;

	private StepSession(Step step, PrintWriter status, SessionOptions options, Terminal terminal) {
		this.step = step;
		this.status = status;
		this.options = options;
		this.terminal = terminal;
	}

	/**
	 * Creates a session with {@link SessionOptions#defaults} (embedded infrastructure)
	 * that has started nothing yet.
	 * @param step the step
	 * @param status where progress messages go
	 * @return the session, never null
	 */
	public static StepSession of(Step step, PrintWriter status) {
		return new StepSession(step, status, SessionOptions.defaults(InfraMode.EMBEDDED), Terminal.plain());
	}

	/**
	 * Creates a session that has started nothing yet. Register {@link #close()} as a
	 * shutdown hook before calling {@link #start(Workspace, AppLog)}, so that Ctrl-C
	 * during the start stops what was started so far.
	 * @param step the step
	 * @param status where progress and crash reports go
	 * @param options how to start it
	 * @param terminal colors for the reports, or none
	 * @return the session, never null
	 */
	public static StepSession of(Step step, PrintWriter status, SessionOptions options, Terminal terminal) {
		return new StepSession(step, status, options, terminal);
	}

	/**
	 * Starts the step: builds what changed (unless the jars are given), starts the
	 * infrastructure, then each app in manifest order, waiting until it is healthy before
	 * the next one starts: each start is measured alone, logs do not interleave, and a
	 * gateway (listed last) opens only once what is behind it is ready.
	 * @param workspace the workshop folder
	 * @param log where the apps' output goes
	 * @throws WorkshopException when a port is taken, the data is in use, the build fails
	 * or an app does not start; whatever was started has been stopped
	 */
	public void start(Workspace workspace, AppLog log) {
		Orphans.reap();
		List<Integer> ports = ports();
		this.log = log;
		try {
			List<FastStartLayout> layouts = layouts(workspace);
			this.layouts.addAll(layouts);
			synchronized (this) {
				if (this.closed) {
					throw new WorkshopException("Stopped before " + this.step.id() + " started.");
				}
				this.data = (this.options.dataFolder() != null)
						? StepData.kept(this.options.dataFolder(), this.options.fresh()) : StepData.temporary();
			}
			startInfrastructure();
			for (int i = 0; i < layouts.size(); i++) {
				this.apps.add(managed(i, layouts.get(i), ports, log));
			}
			train(layouts, ports);
			for (ManagedApp app : this.apps) {
				checkNotClosed(app);
				Duration startup = app.start(this.options.healthTimeout());
				this.status.printf(Locale.ROOT, "%s is healthy after %.1f s%n", app.name(),
						startup.toMillis() / 1000.0);
				this.status.flush();
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
	 * Returns the processes of the apps that run now, in manifest order.
	 * @return the processes, never null
	 */
	public List<RunningApp> apps() {
		return this.apps.stream().map(ManagedApp::current).filter((app) -> app != null).toList();
	}

	/**
	 * Returns every app of the step, running or not, in manifest order.
	 * @return the apps, never null
	 */
	public List<ManagedApp> managedApps() {
		return List.copyOf(this.apps);
	}

	/**
	 * Returns the step's servers (PostgreSQL, Kafka), in start order.
	 * @return the servers, empty when nothing was started
	 */
	public List<InfraServer> servers() {
		return (this.infrastructure != null) ? this.infrastructure.servers() : List.of();
	}

	/**
	 * Describes the running infrastructure for the user.
	 * @return a short description, empty when nothing was started
	 */
	public String infrastructure() {
		return (this.infrastructure != null) ? this.infrastructure.describe() : "";
	}

	/**
	 * Returns the trace collector the step's apps export their spans to.
	 * @return the collector, or empty when the step's apps export none or nothing was
	 * started
	 */
	public Optional<TraceCollector> traces() {
		return (this.infrastructure != null) ? this.infrastructure.traces() : Optional.empty();
	}

	/**
	 * Returns the folder that keeps the step's data between runs.
	 * @return the folder, or empty when the data goes with the session
	 */
	public Optional<Path> keptData() {
		return Optional.ofNullable(this.data).filter(StepData::isKept).map(StepData::folder);
	}

	/**
	 * Returns the options the session was started with.
	 * @return the options
	 */
	public SessionOptions options() {
		return this.options;
	}

	/**
	 * Completes when the session should end: with {@link Ending#requested} when asked to
	 * stop, or with the app that died when the options stop the step on a failure.
	 * @return the future, never null
	 */
	public CompletableFuture<Ending> ending() {
		return this.ending;
	}

	/**
	 * Asks the session to end, as {@code ./workshop stop} with no app does. Returns at
	 * once; whoever waits on {@link #ending()} closes it.
	 */
	public void requestStop() {
		this.ending.complete(Ending.requested());
	}

	/**
	 * Acts on one app or server: what {@code ./workshop stop|kill|start|restart} do.
	 * @param action {@code stop}, {@code kill}, {@code start} or {@code restart}
	 * @param target an app's name, {@code postgres} or {@code kafka}
	 * @return one line saying what was done
	 * @throws WorkshopException for an unknown action or target, or when the action does
	 * not apply (starting what runs, stopping what does not)
	 */
	public String control(String action, String target) {
		Optional<ManagedApp> app = this.apps.stream()
			.filter((candidate) -> candidate.name().equals(target))
			.findFirst();
		if (app.isPresent()) {
			return control(action, app.get());
		}
		Optional<InfraServer> server = (this.infrastructure != null) ? this.infrastructure.server(target)
				: Optional.empty();
		if (server.isPresent()) {
			return control(action, server.get());
		}
		List<String> names = new ArrayList<>(this.apps.stream().map(ManagedApp::name).toList());
		servers().forEach((each) -> names.add(each.name()));
		throw new WorkshopException(this.step.id() + " has no app or server named '" + target + "'. Try one of: "
				+ String.join(", ", names) + ".");
	}

	/**
	 * Runs the given number of instances of an app: what {@code ./workshop scale} does.
	 * Each further instance is the app under {@code <name>-2}, {@code <name>-3}, on a
	 * free port, with the same arguments; it registers under the same service name, so
	 * the apps that find this one in the registry send to it too. Scaling down stops the
	 * highest-numbered instances, which leave the registry as they stop.
	 * @param target the app's name in the manifest
	 * @param instances how many instances should run, 1 to {@value #MAX_INSTANCES}
	 * @return one line saying what was done
	 * @throws WorkshopException for an unknown app, an app nothing finds by name, or a
	 * count out of range; an instance that does not start is stopped again
	 */
	public String scale(String target, int instances) {
		ManagedApp first = this.apps.stream()
			.filter((candidate) -> candidate.name().equals(target))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(this.step.id() + " has no app named '" + target + "'. Try one of: "
					+ String.join(", ", this.step.apps().stream().map(App::name).toList()) + "."));
		List<String> scalable = this.step.apps()
			.stream()
			.map(App::name)
			.filter((name) -> this.step.apps().stream().anyMatch((caller) -> caller.findsByName(name)))
			.toList();
		if (!scalable.contains(target)) {
			throw new WorkshopException("No app of " + this.step.id() + " finds " + target
					+ " by name in a registry, so a second instance would get no requests. "
					+ (scalable.isEmpty() ? "" : "Apps that can be scaled: " + String.join(", ", scalable) + "."));
		}
		if (instances < 1 || instances > MAX_INSTANCES) {
			throw new WorkshopException("Give 1 to " + MAX_INSTANCES + " instances of " + target + ", not " + instances
					+ ": a laptop runs the whole step.");
		}
		synchronized (this) {
			List<ManagedApp> running = instancesOf(first);
			List<String> done = new ArrayList<>();
			for (int number = running.size() + 1; number <= instances; number++) {
				done.add(startInstance(first, number));
			}
			for (int number = running.size(); number > instances; number--) {
				ManagedApp extra = running.get(number - 1);
				extra.shutDown();
				this.apps.remove(extra);
				done.add("stopped " + extra.name());
			}
			return note(done.isEmpty() ? target + " already runs " + instances + " instance(s)."
					: target + " at " + instances + " instance(s): " + String.join("; ", done) + ".");
		}
	}

	/** The app's instances in number order, the manifest's own first. */
	private List<ManagedApp> instancesOf(ManagedApp first) {
		List<ManagedApp> instances = new ArrayList<>();
		instances.add(first);
		for (int number = 2;; number++) {
			String name = first.name() + "-" + number;
			Optional<ManagedApp> instance = this.apps.stream().filter((app) -> app.name().equals(name)).findFirst();
			if (instance.isEmpty()) {
				return instances;
			}
			instances.add(instance.get());
		}
	}

	private String startInstance(ManagedApp first, int number) {
		int index = this.step.apps().indexOf(first.app());
		int port = Ports.free(1).get(0);
		App instance = first.app().instance(number, port);
		FastStartLayout layout = this.layouts.get(index);
		ManagedApp managed = new ManagedApp(instance, index, port,
				() -> layout.command(jvmOptions(), arguments(first.app(), port)), layout.workDir(), this.log,
				this::appDied);
		List<ManagedApp> previous = instancesOf(first);
		this.apps.add(this.apps.indexOf(previous.get(previous.size() - 1)) + 1, managed);
		try {
			Duration startup = managed.start(this.options.healthTimeout());
			return String.format(Locale.ROOT, "started %s on port %d, healthy after %.1f s", managed.name(), port,
					startup.toMillis() / 1000.0);
		}
		catch (RuntimeException ex) {
			managed.shutDown();
			this.apps.remove(managed);
			throw ex;
		}
	}

	private String control(String action, ManagedApp app) {
		switch (action) {
			case "stop" -> {
				app.stop();
				return note("Stopped " + app.name() + " (exit code " + app.lastExitCode() + ").");
			}
			case "kill" -> {
				long pid = app.current() != null ? app.current().process().pid() : -1;
				app.kill();
				return note("Killed " + app.name() + " (SIGKILL to pid " + pid + ", exit code " + app.lastExitCode()
						+ "). Its data is untouched; ./workshop start " + app.name() + " brings it back.");
			}
			case "start" -> {
				Duration startup = app.start(this.options.healthTimeout());
				return note(String.format(Locale.ROOT, "Started %s: healthy after %.1f s (pid %d).", app.name(),
						startup.toMillis() / 1000.0, app.current().process().pid()));
			}
			case "restart" -> {
				if (app.current() != null) {
					app.stop();
				}
				Duration startup = app.start(this.options.healthTimeout());
				return note(String.format(Locale.ROOT, "Restarted %s: healthy after %.1f s (pid %d).", app.name(),
						startup.toMillis() / 1000.0, app.current().process().pid()));
			}
			default -> throw unknownAction(action);
		}
	}

	private String control(String action, InfraServer server) {
		switch (action) {
			case "stop" -> {
				server.stop();
				return note("Stopped " + server.name() + ". Its data is kept; ./workshop start " + server.name()
						+ " brings it back.");
			}
			case "kill" -> {
				long pid = server.pid();
				server.kill();
				return note("Killed " + server.name() + " (SIGKILL to pid " + pid + " and its children). Its data is"
						+ " as the crash left it; ./workshop start " + server.name() + " recovers it.");
			}
			case "start" -> {
				server.start();
				return note("Started " + server.name() + " on " + server.address() + " (pid " + server.pid() + ").");
			}
			case "restart" -> {
				if ("running".equals(server.state())) {
					server.stop();
				}
				server.start();
				return note("Restarted " + server.name() + " on " + server.address() + " (pid " + server.pid() + ").");
			}
			default -> throw unknownAction(action);
		}
	}

	private static WorkshopException unknownAction(String action) {
		return new WorkshopException("Unknown action '" + action + "': use stop, kill, start or restart.");
	}

	/** Tells the terminal that runs the step what a command from elsewhere did. */
	private String note(String message) {
		this.status.println(this.terminal.yellow("workshop: " + message));
		this.status.flush();
		return message;
	}

	/**
	 * Stops every app with everything it started, then the infrastructure, then releases
	 * the data (temporary data is deleted). Safe to call more than once and from several
	 * threads (Ctrl-C and an app's death may race): later calls wait for the first.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<Thread> stoppers = new ArrayList<>();
		for (ManagedApp app : this.apps) {
			Thread stopper = new Thread(app::shutDown, "stop-" + app.name());
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
		try {
			if (this.infrastructure != null) {
				this.infrastructure.close();
			}
		}
		finally {
			if (this.data != null) {
				this.data.close();
			}
			this.ending.complete(Ending.requested());
		}
	}

	private synchronized void checkNotClosed(ManagedApp app) {
		if (this.closed) {
			throw new WorkshopException("Stopped before " + app.name() + " started.");
		}
	}

	/** The manifest's ports, each checked free, or free ports when the options ask. */
	private List<Integer> ports() {
		if (this.options.freePorts()) {
			return Ports.free(this.step.apps().size());
		}
		List<Integer> ports = new ArrayList<>();
		for (App app : this.step.apps()) {
			if (ports.contains(app.port())) {
				throw new WorkshopException("Two apps of " + this.step.id() + " use port " + app.port()
						+ ". Give each app its own port in workshop.yaml.");
			}
			ports.add(app.port());
		}
		for (App app : this.step.apps()) {
			if (!Ports.isFree(app.port())) {
				throw new WorkshopException(
						"Port " + app.port() + " for " + app.name() + " is taken by " + Ports.holder(app.port())
								+ ". Stop that process, or change the port of " + app.name() + " in workshop.yaml.");
			}
		}
		return ports;
	}

	private List<FastStartLayout> layouts(Workspace workspace) {
		List<String> toBuild = this.step.apps()
			.stream()
			.filter((app) -> !this.options.jars().containsKey(app.name()))
			.map(App::module)
			.distinct()
			.toList();
		List<Path> built = toBuild.isEmpty() ? List.of()
				: new ModuleBuilder(workspace, this.status).ensureBuilt(toBuild);
		List<FastStartLayout> layouts = new ArrayList<>();
		for (App app : this.step.apps()) {
			Path jar = this.options.jars().containsKey(app.name()) ? this.options.jars().get(app.name())
					: built.get(toBuild.indexOf(app.module()));
			Path workDir = workspace.resolve(this.step.dir()).resolve("target").resolve("workshop").resolve(app.name());
			layouts.add(FastStartLayout.prepare(app, jar, workDir, this.options.fastStart()));
		}
		return layouts;
	}

	private void startInfrastructure() {
		if (this.step.infra().any() && this.options.mode() != InfraMode.EXTERNAL) {
			this.status.println("Starting " + describeNeeds() + " ("
					+ this.options.mode().name().toLowerCase(Locale.ROOT) + ")...");
			this.status.flush();
		}
		StepInfrastructure started = StepInfrastructure.start(this.step.infra(), this.options.mode(), this.data,
				this::serverDied);
		synchronized (this) {
			this.infrastructure = started;
			if (this.closed) {
				started.close();
				throw new WorkshopException("Stopped before " + this.step.id() + " started.");
			}
		}
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

	private ManagedApp managed(int index, FastStartLayout layout, List<Integer> ports, AppLog log) {
		App app = this.step.apps().get(index);
		return new ManagedApp(app, index, ports.get(index),
				() -> layout.command(jvmOptions(), arguments(app, ports.get(index), ports)), layout.workDir(), log,
				this::appDied);
	}

	/** What every app's JVM gets after the manifest's options. */
	private List<String> jvmOptions() {
		List<String> options = new ArrayList<>(this.options.jvmOptions());
		options.add(Orphans.ownerOption());
		return options;
	}

	/**
	 * The app's arguments: its port and address, its infrastructure, the URLs of the apps
	 * it calls (none for those it finds by name), then the options' own.
	 */
	private List<String> arguments(App app, int port) {
		List<Integer> ports = this.apps.stream()
			.filter((managed) -> this.step.apps().contains(managed.app()))
			.map(ManagedApp::port)
			.toList();
		return arguments(app, port, ports);
	}

	private List<String> arguments(App app, int port, List<Integer> ports) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + port);
		boolean open = this.options.lan() && app.equals(this.step.frontDoorApp());
		arguments.add("--server.address=" + (open ? "0.0.0.0" : "127.0.0.1"));
		arguments.addAll(this.infrastructure.argumentsFor(app));
		app.calls().forEach((callee, property) -> {
			if (App.BY_NAME.equals(property)) {
				return;
			}
			int calleeIndex = this.step.apps().indexOf(this.step.app(callee).orElseThrow());
			arguments.add("--" + property + "=http://127.0.0.1:" + ports.get(calleeIndex));
		});
		arguments.addAll(this.options.arguments().getOrDefault(app.name(), List.of()));
		return arguments;
	}

	private void train(List<FastStartLayout> layouts, List<Integer> ports) {
		for (int i = 0; i < layouts.size(); i++) {
			FastStartLayout layout = layouts.get(i);
			if (layout.needsTraining()) {
				App app = this.step.apps().get(i);
				this.status.println("Training the class-data archive of " + app.name()
						+ " (once per build and JDK; later starts are faster)...");
				this.status.flush();
				if (!layout.train(jvmOptions(), arguments(app, ports.get(i), ports))) {
					this.status.println("Training " + app.name() + " failed (see " + layout.trainingLog()
							+ "); it starts without the archive.");
				}
			}
		}
	}

	private void appDied(ManagedApp app) {
		report(app.name(), "died unexpectedly (exit code " + app.lastExitCode() + exitMeaning(app.lastExitCode())
				+ "). Its last lines:", app.lastLines(REPORTED_LINES), "./workshop start " + app.name());
		if (this.options.stopOnFailure()) {
			this.ending
				.complete(Ending.failed(app.name(), app.lastExitCode(), StartupFailure.cause(app.lastLines(60))));
		}
	}

	private void serverDied(InfraServer server) {
		report(server.name(), "died unexpectedly.", List.of(), "./workshop start " + server.name());
		if (this.options.stopOnFailure()) {
			this.ending.complete(Ending.failed(server.name(), -1, server.name() + " died"));
		}
	}

	private void report(String name, String what, List<String> lines, String fix) {
		StringBuilder report = new StringBuilder();
		report.append(this.terminal.red("error: " + name + " " + what)).append(System.lineSeparator());
		for (String line : lines) {
			report.append("  ").append(name).append(" | ").append(line).append(System.lineSeparator());
		}
		if (!this.options.stopOnFailure()) {
			report.append(this.terminal.red("The rest of " + this.step.id() + " keeps running. " + fix
					+ " starts it again; ./workshop status shows what runs."));
		}
		this.status.println(report.toString().stripTrailing());
		this.status.flush();
	}

	private static String exitMeaning(Integer code) {
		if (code == null) {
			return "";
		}
		return switch (code) {
			case 137 -> ": SIGKILL from outside the workshop, or out of memory";
			case 143 -> ": SIGTERM from outside the workshop";
			default -> "";
		};
	}

	/**
	 * Why a session ends.
	 *
	 * @param failed whether something died unasked
	 * @param name what died, or null
	 * @param exitCode its exit code, or -1
	 * @param cause the line of its output that best explains why, or null
	 */
	public record Ending(boolean failed, String name, int exitCode, String cause) {

		static Ending requested() {
			return new Ending(false, null, -1, null);
		}

		static Ending failed(String name, int exitCode, String cause) {
			return new Ending(true, name, exitCode, cause);
		}

	}

}
