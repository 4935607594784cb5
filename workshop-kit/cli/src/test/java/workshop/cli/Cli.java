package workshop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import picocli.CommandLine;

/**
 * Runs the workshop command in the test's JVM, as {@code ./workshop} would, and captures
 * what it prints.
 *
 * @param exitCode the exit status
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record Cli(int exitCode, String out, String err) {

	/**
	 * Runs the command against a workshop folder.
	 * @param root the folder holding workshop.yaml
	 * @param args the arguments
	 * @return what happened
	 */
	public static Cli run(Path root, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = WorkshopCommand.commandLine(() -> new Workspace(root));
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Cli(exitCode, out.toString(), err.toString());
	}

}
