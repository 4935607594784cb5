package workshop.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop restart <app>}: stops one app or server of the running step and
 * starts it again.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = { "Stops an app, postgres or kafka gracefully and starts it again." })
public final class RestartCommand extends ControlCommand {

	@Parameters(paramLabel = "<name>", description = "An app of the running step, postgres or kafka.")
	private String name;

	@Override
	String action() {
		return "restart";
	}

	@Override
	String target() {
		return this.name;
	}

}
