package workshop.cli.control;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./workshop stop [<app>]}: stops one app or server of the running step
 * gracefully, or the whole step.
 */
@Command(name = "stop", mixinStandardHelpOptions = true, description = {
		"Stops an app gracefully (SIGTERM, then SIGKILL after 20 s), or postgres or kafka; the rest keeps running.",
		"Without a name it stops the whole step, as Ctrl-C in its terminal does." })
public final class StopCommand extends ControlCommand {

	@Parameters(paramLabel = "<name>", arity = "0..1",
			description = "An app of the running step, postgres or kafka. Leave it out to stop everything.")
	private String name;

	@Override
	String action() {
		return "stop";
	}

	@Override
	String target() {
		return this.name;
	}

}
