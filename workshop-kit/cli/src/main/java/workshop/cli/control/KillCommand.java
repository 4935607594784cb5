package workshop.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop kill <app>}: kills one app or server of the running step, as a crash
 * would.
 */
@Command(name = "kill", mixinStandardHelpOptions = true, description = {
		"Kills an app, postgres or kafka at once (SIGKILL), as a crash would; the rest keeps running and the data stays." })
public final class KillCommand extends ControlCommand {

	@Parameters(paramLabel = "<name>", description = "An app of the running step, postgres or kafka.")
	private String name;

	@Override
	String action() {
		return "kill";
	}

	@Override
	String target() {
		return this.name;
	}

}
