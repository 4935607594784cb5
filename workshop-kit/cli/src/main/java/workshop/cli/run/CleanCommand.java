package workshop.cli.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.WorkshopCommand;
import workshop.cli.Workspace;
import workshop.cli.manifest.Step;

/**
 * {@code ./workshop clean [<step>]}: deletes the data that {@code run} kept for a step,
 * or for every step.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
		description = { "Deletes the data ./workshop run keeps between runs (.workshop/data/<step>): the databases and",
				"Kafka logs of one step, or of every step. A step that is running keeps its data: stop it first." })
public final class CleanCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<step>", arity = "0..1",
			description = "The step whose data to delete, such as step-2. Leave it out for every step.")
	private String stepId;

	@Override
	public Integer call() {
		Workspace workspace = this.parent.workspace();
		List<Step> steps = (this.stepId != null) ? List.of(workspace.manifest().step(this.stepId))
				: workspace.manifest().steps();
		PrintWriter out = this.spec.commandLine().getOut();
		boolean deleted = false;
		for (Step step : steps) {
			Path folder = RunCommand.dataFolder(workspace, step);
			if (StepData.delete(folder)) {
				out.println(
						"Deleted the kept data of " + step.id() + " (" + workspace.root().relativize(folder) + ").");
				deleted = true;
			}
		}
		if (!deleted) {
			out.println("No kept data" + ((this.stepId != null) ? " for " + this.stepId : "") + ": nothing to delete.");
		}
		out.flush();
		return 0;
	}

}
