package workshop.cli.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import workshop.cli.control.InfraView.Server;
import workshop.cli.control.InfraView.Topic;
import workshop.cli.run.InfraServer;
import workshop.infra.InfraMode;
import workshop.infra.Infrastructure;
import workshop.infra.KafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the control room shows of a real Kafka broker (the workshop's embedded one): its
 * topics, their messages, and each consumer group's lag.
 */
class InfraViewKafkaTests {

	private static KafkaBroker broker;

	@BeforeAll
	static void startKafka() {
		broker = Infrastructure.startKafka(InfraMode.EMBEDDED);
	}

	@AfterAll
	static void stopKafka() {
		broker.close();
	}

	@Test
	void listsTopicsWithTheirMessagesAndEachGroupsLag() throws Exception {
		Properties admin = new Properties();
		admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		try (Admin client = Admin.create(admin)) {
			client.createTopics(List.of(new NewTopic("orders", 1, (short) 1))).all().get();
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings())) {
				for (int i = 0; i < 5; i++) {
					producer.send(new ProducerRecord<>("orders", "order-" + i)).get();
				}
			}
			client
				.alterConsumerGroupOffsets("shipping",
						Map.of(new TopicPartition("orders", 0), new OffsetAndMetadata(2)))
				.all()
				.get();
		}

		Server kafka = InfraView.ask(new BrokerAsServer("running", broker.bootstrapServers()), true);

		assertThat(kafka.error()).isNull();
		assertThat(kafka.topics()).containsExactly(new Topic("orders", 1, 5, Map.of("shipping", 3L)));
	}

	@Test
	void saysWhyNothingIsKnownOfABrokerThatIsDown() {
		Server kafka = InfraView.ask(new BrokerAsServer("killed", "127.0.0.1:1"), true);

		assertThat(kafka.error()).isEqualTo("kafka is killed");
		assertThat(kafka.topics()).isEmpty();
	}

	private static Properties producerSettings() {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(20).toMillis());
		return settings;
	}

	/** A broker as a step's server: only what the control room reads of it. */
	private record BrokerAsServer(String state, String address) implements InfraServer {

		@Override
		public String name() {
			return "kafka";
		}

		@Override
		public long pid() {
			return -1;
		}

		@Override
		public String detail() {
			return "";
		}

		@Override
		public void start() {
			throw new UnsupportedOperationException("not a lever of this test");
		}

		@Override
		public void stop() {
			throw new UnsupportedOperationException("not a lever of this test");
		}

		@Override
		public void kill() {
			throw new UnsupportedOperationException("not a lever of this test");
		}

	}

}
