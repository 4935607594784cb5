package workshop.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded Kafka broker as steps 3 and 4 use it: a real broker that real clients talk
 * to.
 */
@WithInfrastructure
class EmbeddedKafkaTests {

	@Test
	void deliversARecordFromProducerToConsumerWithoutLinger(KafkaBroker kafka) throws Exception {
		String topic = "orders-placed";
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}

		RecordMetadata sent;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(kafka))) {
			sent = producer.send(new ProducerRecord<>(topic, "order-1", "{\"status\":\"PENDING\"}")).get();
		}

		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(kafka))) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(100)).records(topic).forEach(received::add);
				return !received.isEmpty();
			});
		}

		assertThat(sent.offset()).isZero();
		assertThat(received).singleElement().satisfies((record) -> {
			assertThat(record.key()).isEqualTo("order-1");
			assertThat(record.value()).isEqualTo("{\"status\":\"PENDING\"}");
		});
	}

	@Test
	void isTheSameBrokerForTheWholeJvm(KafkaBroker kafka) {
		assertThat(SharedInfrastructure.kafka()).isSameAs(kafka);
		assertThat(kafka.bootstrapServers()).startsWith("127.0.0.1:");
	}

	private static Map<String, Object> producerConfig(KafkaBroker kafka) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
	}

	private static Map<String, Object> consumerConfig(KafkaBroker kafka) {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
				"round-trip", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
	}

}
