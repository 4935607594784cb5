package workshop.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;
import workshop.cli.bench.BenchCommand;
import workshop.cli.control.KillCommand;
import workshop.cli.control.MigrateCommand;
import workshop.cli.control.ReplayCommand;
import workshop.cli.control.RestartCommand;
import workshop.cli.control.StartCommand;
import workshop.cli.control.StatusCommand;
import workshop.cli.control.ScaleCommand;
import workshop.cli.control.StopCommand;
import workshop.cli.control.TracesCommand;
import workshop.cli.diff.DiffCommand;
import workshop.cli.doctor.DoctorCommand;
import workshop.cli.exercise.ExerciseCommand;
import workshop.cli.run.CleanCommand;
import workshop.cli.run.RunCommand;
import workshop.cli.slides.SlidesCommand;
import workshop.infra.InfrastructureException;

/**
 * The {@code ./workshop} command. Each verb is one class listed in {@code subcommands}:
 * adding a verb means writing its class and adding it to that list. Subcommands reach the
 * workspace through {@code @ParentCommand}.
 */
@Command(name = "./workshop", mixinStandardHelpOptions = true, version = "workshop 1.0.0",
		description = "Runs, compares and measures the steps of the MSA migration workshop (see workshop.yaml).",
		subcommands = { DoctorCommand.class, RunCommand.class, StatusCommand.class, StopCommand.class,
				KillCommand.class, StartCommand.class, RestartCommand.class, MigrateCommand.class, ReplayCommand.class,
				ScaleCommand.class, TracesCommand.class, CleanCommand.class, DiffCommand.class, BenchCommand.class,
				ExerciseCommand.class, SlidesCommand.class })
public final class WorkshopCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	private final Supplier<Workspace> workspaceSupplier;

	private Workspace workspace;

	/**
	 * Creates the command.
	 * @param workspaceSupplier finds the workspace; called once, the first time a
	 * subcommand needs it
	 */
	public WorkshopCommand(Supplier<Workspace> workspaceSupplier) {
		this.workspaceSupplier = workspaceSupplier;
	}

	/**
	 * Runs the command line and exits with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		// The embedded PostgreSQL and Kafka run in this JVM: only their warnings belong
		// on the console.
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		}
		// While the broker starts, and while a killed one is down, every Kafka client of
		// this JVM warns once per attempt that it cannot connect; the commands say so
		// themselves, in one line.
		if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient") == null) {
			System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka.clients.NetworkClient", "error");
		}
		// Embedded PostgreSQL logs a failed pg_ctl stop as an error with a stack trace:
		// every ./workshop kill postgres makes one on purpose (the server is gone
		// already), and after a graceful stop that fails EmbeddedPostgresServer kills
		// what is left itself.
		String embeddedPostgres = "org.slf4j.simpleLogger.log.io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
		if (System.getProperty(embeddedPostgres) == null) {
			System.setProperty(embeddedPostgres, "off");
		}
		System.exit(commandLine(Workspace::locate).execute(args));
	}

	/**
	 * Builds the command line with the workshop's error handling: a usage mistake or a
	 * failure the user can fix prints one line and exits non-zero.
	 * @param workspaceSupplier finds the workspace
	 * @return the command line, ready to {@code execute}
	 */
	public static CommandLine commandLine(Supplier<Workspace> workspaceSupplier) {
		CommandLine commandLine = new CommandLine(new WorkshopCommand(workspaceSupplier));
		commandLine.setParameterExceptionHandler(WorkshopCommand::reportUsageMistake);
		commandLine.setExecutionExceptionHandler(WorkshopCommand::reportFailure);
		return commandLine;
	}

	/**
	 * Returns the workspace the subcommands work in.
	 * @return the workspace, never null
	 * @throws WorkshopException when there is none
	 */
	public Workspace workspace() {
		if (this.workspace == null) {
			this.workspace = this.workspaceSupplier.get();
		}
		return this.workspace;
	}

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	private static int reportUsageMistake(ParameterException ex, String[] args) {
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		String command = commandLine.getCommandSpec().qualifiedName();
		boolean topLevel = commandLine.getParent() == null;
		if (topLevel && ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
				&& !unmatched.getUnmatched().get(0).startsWith("-")) {
			err.println("error: Unknown command '" + unmatched.getUnmatched().get(0) + "' (commands: "
					+ String.join(", ", commandLine.getSubcommands().keySet()) + "). Try '" + command + " --help'.");
		}
		else {
			err.println("error: " + ex.getMessage() + ". Try '" + command + " --help'.");
		}
		err.flush();
		return CommandLine.ExitCode.USAGE;
	}

	private static int reportFailure(Exception ex, CommandLine commandLine, ParseResult parseResult) throws Exception {
		if (ex instanceof WorkshopException || ex instanceof InfrastructureException) {
			PrintWriter err = commandLine.getErr();
			err.println("error: " + ex.getMessage());
			err.flush();
			return 1;
		}
		throw ex;
	}

}
