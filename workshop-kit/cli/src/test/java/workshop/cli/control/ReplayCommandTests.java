package workshop.cli.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.Cli;
import workshop.cli.CliProcess;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./workshop replay} and the dead letters of {@code ./workshop status}, from a
 * second terminal, against {@code ./workshop run messaging} in its own process: a fixture
 * app and the workshop's real Kafka broker, where the test parks a message as a service's
 * error handler would.
 */
class ReplayCommandTests {

	private static final Duration STARTED = Duration.ofSeconds(90);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static FixtureWorkspace workspace;

	private static CliProcess run;

	private static String kafka;

	private static BrokerClient client;

	@BeforeAll
	static void runTheStep() {
		workspace = FixtureWorkspace.create();
		run = CliProcess.start(workspace.root(), "run", "messaging");
		await().atMost(STARTED).until(() -> run.out().contains(") is running") || !run.process().isAlive());
		assertThat(run.process().isAlive()).as("run: %s %s", run.out(), run.err()).isTrue();
		JsonNode status = JSON.readTree(Cli.run(workspace.root(), "status", "--json").out());
		kafka = status.path("servers").get(0).path("address").asString();
		client = new BrokerClient(kafka);
	}

	@AfterAll
	static void stopTheStep() throws Exception {
		run.process().toHandle().destroy();
		run.waitFor(Duration.ofSeconds(60));
		workspace.close();
	}

	@Test
	void replaysAWaitingMessageToItsTopicOnceAndStatusCountsItDown() throws Exception {
		client.createTopics("x", "x.DLT");
		RecordHeaders headers = BrokerClient.deadLetterHeaders("x",
				"Listener failed;\n nested: could not obtain lock on row in relation \"stock\"");
		headers.add("__TypeId__", "shop.inventory.ReserveStock".getBytes(StandardCharsets.UTF_8));
		client.send("x.DLT", 1, "order-7", "{\"sku\":\"POISON\"}", headers);
		assertThat(deadLettersLine("x.DLT")).isEqualTo("x.DLT  1 waiting  (./workshop replay x.DLT)");
		JsonNode json = JSON.readTree(Cli.run(workspace.root(), "status", "--json").out());
		assertThat(json.path("deadLetters").path("topics").toString()).contains("{\"name\":\"x.DLT\",\"waiting\":1}");

		Cli replay = Cli.run(workspace.root(), "replay", "x.DLT");

		assertThat(replay.exitCode()).as(replay.err()).isZero();
		assertThat(replay.out().lines()).containsExactly(
				"partition 1 offset 0  key order-7  failed: Listener failed; nested: could not obtain lock on row in "
						+ "relation \"stock\"",
				"replayed 1 message from x.DLT to x");
		List<ConsumerRecord<String, String>> arrived = client.read("x", 1);
		assertThat(arrived).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-7");
			assertThat(record.value()).isEqualTo("{\"sku\":\"POISON\"}");
			assertThat(BrokerClient.headerNames(record)).containsExactly("__TypeId__");
		});
		assertThat(deadLettersLine("x.DLT")).isEqualTo("x.DLT  0 waiting");

		Cli again = Cli.run(workspace.root(), "replay", "x.DLT");

		assertThat(again.exitCode()).isZero();
		assertThat(again.out().strip()).isEqualTo("x.DLT: nothing to replay (no message waits in it).");
		assertThat(client.read("x", 1)).as("still the one message").hasSize(1);
	}

	@Test
	void namesTheDeadLetterTopicsThereForAnUnknownOne() throws Exception {
		client.createTopics("known.DLT");

		Cli replay = Cli.run(workspace.root(), "replay", "unknown.DLT");

		assertThat(replay.exitCode()).isEqualTo(1);
		assertThat(replay.err().strip())
			.startsWith("error: Kafka on " + kafka + " has no topic unknown.DLT; its dead-letter topics: ")
			.contains("known.DLT")
			.doesNotContain("\n");
	}

	@Test
	void refusesANameThatIsNoDeadLetterTopic() {
		Cli replay = Cli.run(workspace.root(), "replay", "inventory.reserve-stock");

		assertThat(replay.exitCode()).isEqualTo(1);
		assertThat(replay.err().strip()).isEqualTo("error: 'inventory.reserve-stock' is no dead-letter topic: their "
				+ "names end in .DLT, such as inventory.reserve-stock.DLT (./workshop status lists them under DEAD LETTERS).");
	}

	@Test
	void saysInOneLineThatTheBrokerIsDownAndCountsAgainOnceItRuns() {
		assertThat(Cli.run(workspace.root(), "kill", "kafka").exitCode()).isZero();
		try {
			String firstDeadLetterLine = firstLineUnderDeadLetters();
			Cli replay = Cli.run(workspace.root(), "replay", "x.DLT");

			assertThat(firstDeadLetterLine).isEqualTo("kafka is killed: ./workshop start kafka starts it again.");
			assertThat(replay.exitCode()).isEqualTo(1);
			assertThat(replay.err().strip())
				.isEqualTo("error: kafka is killed: ./workshop start kafka starts it again.");
		}
		finally {
			assertThat(Cli.run(workspace.root(), "start", "kafka").exitCode()).isZero();
		}
		assertThat(firstLineUnderDeadLetters()).matches("none|\\S+\\.DLT +\\d+ waiting.*");
	}

	@Test
	void tellsHowToStartAStepWhenNoneRuns() throws Exception {
		try (FixtureWorkspace idle = FixtureWorkspace.create()) {
			Cli replay = Cli.run(idle.root(), "replay", "x.DLT");

			assertThat(replay.exitCode()).isEqualTo(1);
			assertThat(replay.err().strip()).isEqualTo("error: No step is running in this folder. Start one with "
					+ "./workshop run <step> (steps: pair, broken, stateful, messaging).");
		}
	}

	@Test
	void namesTheStepsWithKafkaWhenTheRunningOneHasNone() throws Exception {
		try (FixtureWorkspace other = FixtureWorkspace.create()) {
			CliProcess pair = CliProcess.start(other.root(), "run", "pair");
			try {
				await().atMost(STARTED).until(() -> pair.out().contains(") is running") || !pair.process().isAlive());
				Cli replay = Cli.run(other.root(), "replay", "x.DLT");

				assertThat(replay.exitCode()).isEqualTo(1);
				assertThat(replay.err().strip()).isEqualTo("error: pair has no Kafka, so no dead letters: ./workshop "
						+ "replay works in a step whose workshop.yaml says kafka: true (./workshop run messaging).");
				assertThat(Cli.run(other.root(), "status").out()).doesNotContain("DEAD LETTERS");
			}
			finally {
				pair.process().toHandle().destroy();
				pair.waitFor(Duration.ofSeconds(60));
			}
		}
	}

	private static String firstLineUnderDeadLetters() {
		Cli status = Cli.run(workspace.root(), "status");
		assertThat(status.exitCode()).as(status.err()).isZero();
		return status.out()
			.lines()
			.dropWhile((line) -> !line.equals("DEAD LETTERS"))
			.skip(1)
			.findFirst()
			.orElse("(no DEAD LETTERS section)");
	}

	private static String deadLettersLine(String topic) {
		return Cli.run(workspace.root(), "status")
			.out()
			.lines()
			.filter((line) -> line.startsWith(topic + " "))
			.findFirst()
			.orElse("");
	}

}
