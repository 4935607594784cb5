package workshop.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.control.ControlServer;
import workshop.cli.control.RunningStep;
import workshop.cli.control.SessionFile;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;
import workshop.cli.run.StepSession.Ending;
import workshop.infra.InfraMode;

/**
 * {@code ./workshop run <step>}: starts a step and keeps it running until Ctrl-C or
 * {@code ./workshop stop}; meanwhile other terminals control it through its
 * {@link ControlServer}. An app that dies unasked is reported and the rest keeps running,
 * unless {@code --stop-on-failure} is given.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = {
		"Builds what changed, starts the step's infrastructure and apps, and streams their logs.",
		"From another terminal: ./workshop status, stop, kill, start, restart <app>.",
		"Data is kept between runs in .workshop/data/<step> (--fresh starts clean, ./workshop clean deletes it).",
		"Ctrl-C stops everything: apps, the processes they started, then the infrastructure." })
public final class RunCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<step>", description = "The step to run, such as step-0 (see workshop.yaml).")
	private String stepId;

	@Option(names = "--infra", paramLabel = "<mode>",
			description = "embedded, docker or external (your own servers, from the environment). "
					+ "Default: the mode that 'doctor' reports.")
	private String infra;

	@Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "180",
			description = "How long each app may take to become healthy (default: ${DEFAULT-VALUE}).")
	private int timeoutSeconds;

	@Option(names = "--fresh",
			description = "Deletes the step's kept data first: the seed data only, as on a first run.")
	private boolean fresh;

	@Option(names = "--lan", description = "Lets other machines reach the front door (it listens on every interface). "
			+ "Everything else stays on loopback.")
	private boolean lan;

	@Option(names = "--stop-on-failure", description = "Stops the whole step when an app dies unasked, and exits 1.")
	private boolean stopOnFailure;

	/**
	 * Returns the folder that keeps a step's data between runs.
	 * @param workspace the workspace
	 * @param step the step
	 * @return {@code .workshop/data/<step>}
	 */
	static Path dataFolder(Workspace workspace, Step step) {
		return workspace.workDir().resolve("data").resolve(step.id());
	}

	@Override
	public Integer call() throws InterruptedException {
		Workspace workspace = this.parent.workspace();
		Step step = workspace.manifest().step(this.stepId);
		InfraMode mode = InfraModes.fromOption(this.infra);
		SessionFile.read(workspace.workDir()).filter(SessionFile::isAlive).ifPresent((running) -> {
			throw new WorkshopException(running.step() + " is already running in this folder (pid " + running.pid()
					+ "). Stop it first (Ctrl-C in its terminal, or ./workshop stop), then run " + step.id() + ".");
		});
		PrintWriter out = this.spec.commandLine().getOut();
		Terminal terminal = Terminal.detect();
		int width = step.apps().stream().mapToInt((app) -> app.name().length()).max().orElse(0);

		SessionOptions options = SessionOptions.defaults(mode)
			.onLan(this.lan)
			.stoppingOnFailure(this.stopOnFailure)
			.healthTimeout(Duration.ofSeconds(this.timeoutSeconds));
		if (mode == InfraMode.EMBEDDED) {
			options = options.keepingDataIn(dataFolder(workspace, step), this.fresh);
		}
		StepSession session = StepSession.of(step, out, options, terminal);
		Stopper stopper = new Stopper(session, out);
		Thread stopOnExit = new Thread(stopper::stop, "workshop-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			stopper.running = RunningStep.start(workspace, session, new ConsoleAppLog(out, terminal, width));
		}
		catch (RuntimeException ex) {
			forget(stopOnExit);
			throw explainKeptData(ex, step, options.dataFolder() != null);
		}
		printUrls(out, terminal, step, session, workspace, stopper.running);

		Ending ending = awaitEnding(session);
		stopper.stop();
		forget(stopOnExit);
		if (!ending.failed()) {
			return 0;
		}
		PrintWriter err = this.spec.commandLine().getErr();
		err.println(terminal.red("error: " + ending.name() + " stopped unexpectedly (exit code " + ending.exitCode()
				+ "): " + ending.cause() + ". Everything else is stopped."));
		err.flush();
		return 1;
	}

	private static Ending awaitEnding(StepSession session) throws InterruptedException {
		try {
			return session.ending().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	private static void forget(Thread shutdownHook) {
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is stopping everything.
		}
	}

	private void printUrls(PrintWriter out, Terminal terminal, Step step, StepSession session, Workspace workspace,
			RunningStep running) {
		out.println();
		out.println(terminal.green(step.id() + " (" + step.title() + ") is running. Press Ctrl-C to stop."));
		out.printf(Locale.ROOT, "  %-16s %s%n", "front door", terminal.bold(step.frontDoor()));
		for (App app : step.apps()) {
			out.printf(Locale.ROOT, "  %-16s %s%n", app.name(), app.url());
		}
		if (!session.infrastructure().isEmpty()) {
			out.printf(Locale.ROOT, "  %-16s %s%n", "infrastructure", session.infrastructure());
		}
		session.keptData()
			.ifPresent((folder) -> out.printf(Locale.ROOT, "  %-16s %s (kept; --fresh starts clean)%n", "data",
					workspace.root().relativize(folder)));
		out.printf(Locale.ROOT, "  %-16s %s%n", "control room", terminal.bold(running.controlRoomUrl().toString()));
		out.printf(Locale.ROOT, "  %-16s %s%n", "control", "./workshop status | stop | kill | start | restart <app>");
		session.traces()
			.ifPresent((traces) -> out.printf(Locale.ROOT, "  %-16s %s (./workshop traces prints them)%n", "traces",
					traces.pagesUrl()));
		if (step.infra().kafka()) {
			out.printf(Locale.ROOT, "  %-16s %s%n", "dead letters",
					"./workshop status counts them, ./workshop replay <topic>.DLT sends them back");
		}
		if (this.lan) {
			out.println();
			out.println(terminal.yellow(lanWarning(step, System.getenv("SHOP_ADMIN_PASSWORD") != null)));
		}
		out.println();
		out.flush();
	}

	/**
	 * Adds the fix to a start that failed because the kept data was made by other
	 * migrations (the code changed under it: an exercise, a pull, another branch).
	 * @param failure why the start failed
	 * @param started the step that failed to start
	 * @param keptData whether it ran on kept data
	 * @return the failure to report
	 */
	static RuntimeException explainKeptData(RuntimeException failure, Step started, boolean keptData) {
		String message = String.valueOf(failure.getMessage());
		boolean migrations = message.contains("Validate failed") || message.contains("checksum mismatch")
				|| message.contains("FlywayValidateException") || message.contains("applied migration");
		if (!migrations || !keptData) {
			return failure;
		}
		String step = started.id();
		return new WorkshopException(message + " The data kept for " + step + " was made by other migrations than"
				+ " this code has: start clean with ./workshop run " + step + " --fresh (or ./workshop clean " + step
				+ ").", failure);
	}

	/**
	 * Says what {@code --lan} opens to the room.
	 * @param step the step
	 * @param ownLogin whether the user set the admin login in the environment
	 * @return the warning, one paragraph
	 */
	static String lanWarning(Step step, boolean ownLogin) {
		App door = step.frontDoorApp();
		String login = ownLogin ? "with the admin login set in SHOP_ADMIN_USERNAME / SHOP_ADMIN_PASSWORD"
				: "as admin with the workshop's default login admin / admin (set SHOP_ADMIN_USERNAME and"
						+ " SHOP_ADMIN_PASSWORD before the run to choose your own)";
		return "warning: --lan: " + door.name() + " listens on every network interface on port " + door.port()
				+ ". Anyone on this network can open it and write products " + login
				+ ". The other apps and the servers stay on loopback.";
	}

	/**
	 * Stops the step once, whichever comes first: Ctrl-C, {@code ./workshop stop}, or a
	 * failure.
	 */
	private static final class Stopper {

		private final StepSession session;

		private final PrintWriter out;

		private volatile RunningStep running;

		private boolean stopped;

		Stopper(StepSession session, PrintWriter out) {
			this.session = session;
			this.out = out;
		}

		synchronized void stop() {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			this.out.println("Stopping " + this.session.step().id() + "...");
			this.out.flush();
			if (this.running != null) {
				this.running.close();
			}
			else {
				this.session.close();
			}
			this.out.println("Stopped " + this.session.step().id() + "."
					+ this.session.keptData().map((folder) -> " Its data is kept in " + folder + ".").orElse(""));
			this.out.flush();
		}

	}

}
