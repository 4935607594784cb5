package workshop.cli.doctor;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.Workspace;
import workshop.cli.manifest.Manifest;

/**
 * {@code ./workshop doctor}: a compact checklist of what a run needs (JDK, free ports,
 * Docker, the infrastructure mode, Chromium for the browser tests). Exits 1 when
 * something blocks a run, each problem with its fix.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
		description = "Checks the JDK, the apps' ports, Docker, the infrastructure mode and Chromium, and says how to fix what blocks a run.")
public final class DoctorCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		Workspace workspace = this.parent.workspace();
		Manifest manifest = workspace.manifest();
		List<Check> checks = new ArrayList<>();
		checks.add(MachineChecks.jdk());
		checks.add(MachineChecks.wrapper(workspace));
		checks.addAll(MachineChecks.ports(manifest));
		checks.addAll(MachineChecks.infrastructure());
		checks.add(MachineChecks.git());
		checks.add(MachineChecks.chromium());

		PrintWriter out = this.spec.commandLine().getOut();
		Terminal terminal = Terminal.detect();
		out.println(
				"workshop doctor: " + workspace.root().resolve(Workspace.MANIFEST) + " (" + manifest.stepIds() + ")");
		long failures = 0;
		for (Check check : checks) {
			out.println("  " + label(terminal, check.status()) + " " + check.text());
			if (check.status() == Check.Status.FAIL) {
				failures++;
			}
		}
		if (failures == 0) {
			out.println(terminal.green("Ready: ./workshop run " + manifest.steps().get(0).id()));
		}
		else {
			out.println(terminal.red(failures + ((failures == 1) ? " problem blocks" : " problems block")
					+ " ./workshop run: fix the [FAIL] lines above."));
		}
		out.flush();
		return (failures == 0) ? 0 : 1;
	}

	private static String label(Terminal terminal, Check.Status status) {
		return switch (status) {
			case OK -> terminal.green("[ok]  ");
			case INFO -> "[info]";
			case WARN -> terminal.yellow("[warn]");
			case FAIL -> terminal.red("[FAIL]");
		};
	}

}
