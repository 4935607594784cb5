package workshop.cli.control;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import workshop.cli.WorkshopCommand;

/**
 * {@code ./workshop scale <app> <instances>}: runs more (or fewer) instances of an app of
 * the running step. Each further instance gets a free port and registers under the same
 * name, so the gateway spreads requests over all of them; {@code ./workshop kill
 * <app>-2} then shows a failover.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
		description = { "Runs 1 to 3 instances of an app that others find in the registry (step 4);",
				"further instances are <app>-2, <app>-3 on free ports, and stop again when scaled down." })
public final class ScaleCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<app>",
			description = "An app of the running step, such as inventory-service.")
	private String app;

	@Parameters(index = "1", paramLabel = "<instances>", description = "How many instances should run, 1 to 3.")
	private int instances;

	@Override
	public Integer call() {
		String message = ControlClient.of(this.parent.workspace()).scale(this.app, this.instances);
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(message);
		out.flush();
		return 0;
	}

}
