package workshop.cli.control;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.control.DeadLetters.Message;
import workshop.cli.control.DeadLetters.Replay;
import workshop.cli.manifest.Step;

/**
 * {@code ./workshop replay <topic>.DLT}: sends the messages waiting in a dead-letter
 * topic of the running step's broker back to the topic they came from, once the cause of
 * their failure is fixed, and says which it sent. The running step does the work
 * ({@link DeadLetters}); this command asks it through the control endpoint.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = { "Sends the messages waiting in a dead-letter topic back to where they came from,",
				"with their key, value and headers, each once (./workshop status lists the topics).",
				"Fix what made them fail first: a message that fails again comes back to <topic>.DLT." })
public final class ReplayCommand implements Callable<Integer> {

	/** The longest exception message a line shows. */
	private static final int ERROR_WIDTH = 160;

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(paramLabel = "<topic>.DLT", description = "A dead-letter topic, such as inventory.reserve-stock.DLT.")
	private String topic;

	@Override
	public Integer call() {
		if (!DeadLetters.isDeadLetterTopic(this.topic)) {
			throw new WorkshopException("'" + this.topic + "' is no dead-letter topic: their names end in "
					+ DeadLetters.SUFFIX + ", such as " + this.topic + DeadLetters.SUFFIX
					+ " (./workshop status lists them under DEAD LETTERS).");
		}
		Workspace workspace = this.parent.workspace();
		ControlClient client = ControlClient.of(workspace);
		Step step = workspace.manifest().step(client.step());
		if (!step.infra().kafka()) {
			throw new WorkshopException(step.id() + " has no Kafka, so no dead letters: ./workshop replay works in a "
					+ "step whose workshop.yaml says kafka: true (" + stepsWithKafka(workspace) + ").");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		describe(client.replay(this.topic)).forEach(out::println);
		out.flush();
		return 0;
	}

	/**
	 * Says what a replay sent: one line per message, then the sum.
	 * @param replay what the step answered
	 * @return the lines, never empty
	 */
	static List<String> describe(Replay replay) {
		if (replay.messages().isEmpty()) {
			return List.of(replay.from() + ": nothing to replay (no message waits in it).");
		}
		List<String> lines = new ArrayList<>();
		for (Message message : replay.messages()) {
			lines.add(describe(message));
		}
		int count = replay.messages().size();
		lines.add("replayed " + count + ((count == 1) ? " message" : " messages") + " from " + replay.from() + " to "
				+ String.join(", ", replay.to()));
		return lines;
	}

	/**
	 * One message:
	 * {@code partition 1 offset 0  key order-7  failed: <exception message>}.
	 */
	private static String describe(Message message) {
		String key = (message.key() != null) ? message.key() : "(none)";
		String error = (message.error() != null) ? oneLine(message.error()) : "(no exception in its headers)";
		return "partition " + message.partition() + " offset " + message.offset() + "  key " + key + "  failed: "
				+ error;
	}

	private static String oneLine(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > ERROR_WIDTH) ? line.substring(0, ERROR_WIDTH - 3) + "..." : line;
	}

	private static String stepsWithKafka(Workspace workspace) {
		List<String> steps = workspace.manifest()
			.steps()
			.stream()
			.filter((step) -> step.infra().kafka())
			.map((step) -> "./workshop run " + step.id())
			.toList();
		return steps.isEmpty() ? "this workshop.yaml has none" : String.join(" or ", steps);
	}

}
