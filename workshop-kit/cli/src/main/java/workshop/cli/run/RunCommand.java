package workshop.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.Workspace;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;
import workshop.cli.run.StepSession.AppExit;
import workshop.infra.InfraMode;

/**
 * {@code ./workshop run <step>}: starts a step and keeps it running until Ctrl-C or until
 * one of its apps ends; then stops everything.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Builds what changed, starts the step's infrastructure and apps, and streams their logs.",
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

	@Override
	public Integer call() throws InterruptedException {
		Workspace workspace = this.parent.workspace();
		Step step = workspace.manifest().step(this.stepId);
		InfraMode mode = InfraModes.fromOption(this.infra);
		PrintWriter out = this.spec.commandLine().getOut();
		Terminal terminal = Terminal.detect();
		int width = step.apps().stream().mapToInt((app) -> app.name().length()).max().orElse(0);

		StepSession session = StepSession.of(step, out);
		Thread stopOnExit = new Thread(() -> stop(session, out, step), "workshop-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			session.start(workspace, mode, new ConsoleAppLog(out, terminal, width),
					Duration.ofSeconds(this.timeoutSeconds));
		}
		catch (RuntimeException ex) {
			forget(stopOnExit);
			throw ex;
		}
		printUrls(out, terminal, step, session);

		AppExit exit = session.awaitFirstExit();
		session.close();
		forget(stopOnExit);
		if (exit.stoppedBySignal()) {
			out.println(exit.app() + " was stopped; everything else is stopped too.");
			out.flush();
			return 130;
		}
		PrintWriter err = this.spec.commandLine().getErr();
		err.println(terminal.red("error: " + exit.app() + " stopped unexpectedly (exit code " + exit.exitCode() + "): "
				+ exit.cause() + ". Everything else is stopped."));
		err.flush();
		return 1;
	}

	private static void forget(Thread shutdownHook) {
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException ex) {
			// Already shutting down: the hook is stopping everything.
		}
	}

	private static void stop(StepSession session, PrintWriter out, Step step) {
		out.println("Stopping " + step.id() + "...");
		out.flush();
		session.close();
		out.println("Stopped " + step.id() + ".");
		out.flush();
	}

	private static void printUrls(PrintWriter out, Terminal terminal, Step step, StepSession session) {
		out.println();
		out.println(terminal.green(step.id() + " (" + step.title() + ") is running. Press Ctrl-C to stop."));
		out.printf(Locale.ROOT, "  %-16s %s%n", "front door", terminal.bold(step.frontDoor()));
		for (App app : step.apps()) {
			out.printf(Locale.ROOT, "  %-16s %s%n", app.name(), app.url());
		}
		if (!session.infrastructure().isEmpty()) {
			out.printf(Locale.ROOT, "  %-16s %s%n", "infrastructure", session.infrastructure());
		}
		out.println();
		out.flush();
	}

}
