package workshop.cli.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's own client of a real broker: creates topics with two partitions (as the
 * services create their dead-letter topics), parks a message in a dead-letter topic as
 * Spring Kafka's error handler does, and reads a topic from its beginning.
 */
final class BrokerClient {

	private final String address;

	BrokerClient(String address) {
		this.address = address;
	}

	/** The headers Spring Kafka's {@code DeadLetterPublishingRecoverer} adds. */
	static RecordHeaders deadLetterHeaders(String originalTopic, String exceptionMessage) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(DeadLetters.ORIGINAL_TOPIC, originalTopic.getBytes(StandardCharsets.UTF_8));
		headers.add("kafka_dlt-original-partition", new byte[] { 0, 0, 0, 1 });
		headers.add("kafka_dlt-exception-fqcn",
				"org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8));
		headers.add(DeadLetters.EXCEPTION_MESSAGE, exceptionMessage.getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	static List<String> headerNames(ConsumerRecord<String, String> record) {
		List<String> names = new ArrayList<>();
		for (Header header : record.headers()) {
			names.add(header.key());
		}
		return names;
	}

	void createTopics(String... names) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.address))) {
			List<NewTopic> topics = new ArrayList<>();
			for (String name : names) {
				topics.add(new NewTopic(name, 2, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
	}

	void send(String topic, int partition, String key, String value, RecordHeaders headers) throws Exception {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.address);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
			producer.send(new ProducerRecord<>(topic, partition, key, value, headers)).get();
		}
	}

	void commitReplayed(TopicPartition partition, long offset) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.address))) {
			admin.alterConsumerGroupOffsets(DeadLetters.REPLAY_GROUP, Map.of(partition, new OffsetAndMetadata(offset)))
				.all()
				.get();
		}
	}

	/**
	 * Reads every message of a topic until {@code expected} have arrived or 10 s have
	 * passed, then once more, where a second copy would show up.
	 */
	List<ConsumerRecord<String, String>> read(String topic, int expected) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.address);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (records.size() < expected && System.nanoTime() < giveUpAt) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			consumer.poll(Duration.ofMillis(500)).forEach(records::add);
		}
		return records;
	}

}
