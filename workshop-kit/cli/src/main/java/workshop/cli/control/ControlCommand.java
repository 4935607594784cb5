package workshop.cli.control;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.WorkshopCommand;

/**
 * What {@code stop}, {@code kill}, {@code start} and {@code restart} share: they find the
 * step running in this folder and ask its control endpoint to act on one app or server.
 */
abstract class ControlCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	/**
	 * Returns the action the endpoint takes.
	 * @return {@code stop}, {@code kill}, {@code start} or {@code restart}
	 */
	abstract String action();

	/**
	 * Returns what to act on.
	 * @return an app's name, {@code postgres} or {@code kafka}; null for the whole step
	 */
	abstract String target();

	@Override
	public Integer call() {
		ControlClient client = ControlClient.of(this.parent.workspace());
		String message = (target() != null) ? client.act(action(), target()) : client.stopStep();
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(message);
		out.flush();
		return 0;
	}

}
