package workshop.cli.control;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;

/**
 * {@code ./workshop status}: what the step running in this folder is doing.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = { "Shows the running step: each app (state, PID, port, health, uptime, memory), its servers,",
				"the messages waiting in its dead-letter topics (<topic>.DLT) when it has Kafka,",
				"and what the step adds (such as the gateway's cutover policies)." })
public final class StatusCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Option(names = "--json", description = "Prints the status as the control endpoint sends it.")
	private boolean json;

	@Override
	public Integer call() {
		StepStatus status = ControlClient.of(this.parent.workspace()).status();
		if (this.json) {
			this.spec.commandLine().getOut().println(JsonMapper.builder().build().writeValueAsString(status));
			this.spec.commandLine().getOut().flush();
		}
		else {
			new StatusView(Terminal.detect()).print(status, this.spec.commandLine().getOut());
		}
		return 0;
	}

}
