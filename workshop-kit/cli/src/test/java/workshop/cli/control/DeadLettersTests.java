package workshop.cli.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import workshop.cli.WorkshopException;
import workshop.cli.control.DeadLetters.Message;
import workshop.cli.control.DeadLetters.Replay;
import workshop.cli.control.StepStatus.DeadLetterTopic;
import workshop.cli.system.Ports;
import workshop.infra.InfraMode;
import workshop.infra.Infrastructure;
import workshop.infra.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The dead letters of a real Kafka broker (the workshop's embedded one), as a service's
 * Spring Kafka error handler leaves them: counted until replayed, sent back to the topic
 * they came from without the headers that say why they failed, each once. Every test uses
 * topics of its own.
 */
class DeadLettersTests {

	private static KafkaBroker broker;

	private static DeadLetters deadLetters;

	private static BrokerClient client;

	@BeforeAll
	static void startKafka() {
		broker = Infrastructure.startKafka(InfraMode.EMBEDDED);
		deadLetters = new DeadLetters(broker.bootstrapServers());
		client = new BrokerClient(broker.bootstrapServers());
	}

	@AfterAll
	static void stopKafka() {
		broker.close();
	}

	@Test
	void countsWhatWaitsInEveryDeadLetterTopicFromTheReplayGroupsOffsetsOrTheBeginning() throws Exception {
		client.createTopics("count.DLT", "count-empty.DLT", "count");
		client.send("count.DLT", 0, "a", "first", BrokerClient.deadLetterHeaders("count", "failed"));
		client.send("count.DLT", 1, "b", "second", BrokerClient.deadLetterHeaders("count", "failed"));
		client.send("count.DLT", 1, "c", "third", BrokerClient.deadLetterHeaders("count", "failed"));
		client.send("count", 0, "d", "not a dead letter", new RecordHeaders());

		assertThat(waiting("count")).containsExactly(new DeadLetterTopic("count-empty.DLT", 0),
				new DeadLetterTopic("count.DLT", 3));

		client.commitReplayed(new TopicPartition("count.DLT", 1), 1);

		assertThat(waiting("count")).containsExactly(new DeadLetterTopic("count-empty.DLT", 0),
				new DeadLetterTopic("count.DLT", 2));
	}

	@Test
	void replaysEachMessageOnceToItsOriginalTopicWithItsOwnHeadersOnly() throws Exception {
		client.createTopics("orders.DLT", "orders");
		RecordHeaders headers = BrokerClient.deadLetterHeaders("orders",
				"Could not obtain lock on row in relation \"stock\"");
		headers.add("__TypeId__", "shop.orders.OrderPlaced".getBytes(StandardCharsets.UTF_8));
		client.send("orders.DLT", 1, "order-7", "{\"sku\":\"POISON\"}", headers);
		assertThat(waiting("orders")).containsExactly(new DeadLetterTopic("orders.DLT", 1));

		Replay replay = deadLetters.replay("orders.DLT");

		assertThat(replay).isEqualTo(new Replay("orders.DLT", List.of("orders"),
				List.of(new Message(1, 0, "order-7", "Could not obtain lock on row in relation \"stock\""))));
		List<ConsumerRecord<String, String>> arrived = client.read("orders", 1);
		assertThat(arrived).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-7");
			assertThat(record.value()).isEqualTo("{\"sku\":\"POISON\"}");
			assertThat(BrokerClient.headerNames(record)).containsExactly("__TypeId__");
			assertThat(new String(record.headers().lastHeader("__TypeId__").value(), StandardCharsets.UTF_8))
				.isEqualTo("shop.orders.OrderPlaced");
		});
		assertThat(waiting("orders")).containsExactly(new DeadLetterTopic("orders.DLT", 0));
		assertThat(deadLetters.replay("orders.DLT").messages()).isEmpty();
		assertThat(client.read("orders", 1)).as("still the one message").hasSize(1);
	}

	@Test
	void sendsAMessageWithoutAnOriginalTopicHeaderToTheNameWithoutDlt() throws Exception {
		client.createTopics("payments.DLT", "payments");
		client.send("payments.DLT", 0, null, "unreadable", new RecordHeaders());

		Replay replay = deadLetters.replay("payments.DLT");

		assertThat(replay.to()).containsExactly("payments");
		assertThat(replay.messages()).containsExactly(new Message(0, 0, null, null));
		assertThat(client.read("payments", 1)).singleElement()
			.satisfies((record) -> assertThat(record.value()).isEqualTo("unreadable"));
	}

	@Test
	void namesTheDeadLetterTopicsThereForAnUnknownOne() throws Exception {
		client.createTopics("known.DLT");

		assertThatThrownBy(() -> deadLetters.replay("unknown.DLT")).isInstanceOf(WorkshopException.class)
			.hasMessageStartingWith("Kafka on " + broker.bootstrapServers() + " has no topic unknown.DLT; "
					+ "its dead-letter topics: ")
			.hasMessageContaining("known.DLT");
	}

	@Test
	void refusesATopicThatIsNoDeadLetterTopic() {
		assertThatThrownBy(() -> deadLetters.replay("orders")).isInstanceOf(WorkshopException.class)
			.hasMessage("'orders' is no dead-letter topic: their names end in .DLT "
					+ "(./workshop status lists them under DEAD LETTERS).");
	}

	@Test
	void saysInOneLineThatABrokerThatIsDownDoesNotAnswer() {
		DeadLetters nowhere = new DeadLetters("127.0.0.1:" + Ports.free(1).get(0));

		assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
			assertThatThrownBy(nowhere::waiting).isInstanceOf(WorkshopException.class)
				.hasMessageContaining("does not answer within 2 s")
				.hasMessageEndingWith("./workshop status shows whether it runs.")
				.hasMessageNotContaining("\n");
			assertThatThrownBy(() -> nowhere.replay("orders.DLT")).isInstanceOf(WorkshopException.class)
				.hasMessageContaining("does not answer within 2 s");
		});
	}

	private static List<DeadLetterTopic> waiting(String prefix) {
		return deadLetters.waiting().stream().filter((topic) -> topic.name().startsWith(prefix)).toList();
	}

}
