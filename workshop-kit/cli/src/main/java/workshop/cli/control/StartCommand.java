package workshop.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop start <app>}: starts one app or server of the running step again.
 */
@Command(name = "start", mixinStandardHelpOptions = true, description = {
		"Starts a stopped or killed app, postgres or kafka again, on the same port and data, and waits until it is healthy." })
public final class StartCommand extends ControlCommand {

	@Parameters(paramLabel = "<name>", description = "An app of the running step, postgres or kafka.")
	private String name;

	@Override
	String action() {
		return "start";
	}

	@Override
	String target() {
		return this.name;
	}

}
