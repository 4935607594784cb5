package shop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory and payment services, played by the test over the real broker: it reads
 * every message on their topics (the commands the order service sends, the dead-letter
 * topics), by topic and key, and answers as those services would, or as a broken one
 * would.
 */
final class PlayedServices {

	/**
	 * The topics the test reads: the commands, and the dead-letter topics of the answers.
	 */
	private static final List<String> TOPICS = List.of("inventory.reserve-stock", "inventory.take-reserved-stock",
			"inventory.release-stock", "inventory.put-back-stock", "payments.authorize-payment",
			"payments.refund-payment", "inventory.stock-reserved.DLT", "inventory.stock-short.DLT");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static PlayedServices shared;

	private final Map<String, List<String>> received = new ConcurrentHashMap<>();

	private final Map<String, List<String>> traceparents = new ConcurrentHashMap<>();

	private final KafkaProducer<String, byte[]> producer;

	private PlayedServices(String bootstrapServers) {
		createTopics(bootstrapServers);
		this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(),
				new ByteArraySerializer());
		Thread reader = new Thread(() -> read(bootstrapServers), "played-services");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * The played services of this test JVM, started on first use.
	 * @param bootstrapServers the broker
	 * @return them, reading every command from now on
	 */
	static synchronized PlayedServices shared(String bootstrapServers) {
		if (shared == null) {
			shared = new PlayedServices(bootstrapServers);
		}
		return shared;
	}

	/**
	 * Waits for the order service to send a command for an order.
	 * @param topic the command's topic
	 * @param orderId the order
	 * @return the command's JSON
	 */
	JsonNode awaitCommand(String topic, String orderId) {
		return Awaitility.await(topic + " for order " + orderId)
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> commands(topic, orderId), (commands) -> !commands.isEmpty())
			.get(0);
	}

	/**
	 * The messages of any topic seen so far for a key, as text.
	 * @param topic the topic, a dead-letter topic included
	 * @param key the key
	 * @return their values, in the order they came
	 */
	List<String> messages(String topic, String key) {
		return List.copyOf(this.received.getOrDefault(topic + "/" + key, List.of()));
	}

	/**
	 * The trace headers ({@code traceparent}) of the messages seen so far for a key.
	 * @param topic the topic
	 * @param key the key
	 * @return the header of each message that had one, in the order they came
	 */
	List<String> traceparents(String topic, String key) {
		return List.copyOf(this.traceparents.getOrDefault(topic + "/" + key, List.of()));
	}

	/**
	 * The commands sent so far for an order on a topic.
	 * @param topic the command's topic
	 * @param orderId the order
	 * @return them, in the order they came
	 */
	List<JsonNode> commands(String topic, String orderId) {
		return messages(topic, orderId).stream().map(json::readTree).toList();
	}

	/**
	 * Answers for an order, as the inventory or payment service does: {@code {"orderId":
	 * …}} keyed by the order.
	 * @param topic the answer's topic, such as {@code inventory.stock-reserved}
	 * @param orderId the order
	 */
	void answer(String topic, String orderId) {
		send(topic, orderId, "{\"orderId\":\"" + orderId + "\"}");
	}

	/**
	 * Sends any bytes as an answer, as a broken producer would.
	 * @param topic the topic
	 * @param key the record's key
	 * @param value the record's value
	 */
	void send(String topic, String key, String value) {
		send(new ProducerRecord<>(topic, key, value.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Answers for an order as a traced service does: with the W3C {@code traceparent}
	 * header of the trace it answers in.
	 * @param topic the answer's topic
	 * @param orderId the order
	 * @param traceparent the header, {@code 00-<trace id>-<span id>-01}
	 */
	void answerTraced(String topic, String orderId, String traceparent) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, orderId,
				("{\"orderId\":\"" + orderId + "\"}").getBytes(StandardCharsets.UTF_8));
		record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
		send(record);
	}

	private void send(ProducerRecord<String, byte[]> record) {
		String topic = record.topic();
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not send to " + topic, ex);
		}
	}

	/**
	 * Creates the topics with the service's two partitions before anyone reads them: a
	 * consumer subscribing first would have the broker create them with one.
	 */
	private static void createTopics(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
			admin.createTopics(TOPICS.stream().map((topic) -> new NewTopic(topic, 2, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Cannot create the topics", ex);
			}
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the topics", ex);
		}
	}

	private void read(String bootstrapServers) {
		Map<String, Object> settings = Map.of("bootstrap.servers", bootstrapServers, "group.id",
				"played-services-" + UUID.randomUUID(), "auto.offset.reset", "earliest", "metadata.max.age.ms", "500");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(TOPICS);
			while (true) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
					this.received
						.computeIfAbsent(record.topic() + "/" + record.key(), (key) -> new CopyOnWriteArrayList<>())
						.add(new String(record.value(), StandardCharsets.UTF_8));
					Header traceparent = record.headers().lastHeader("traceparent");
					if (traceparent != null) {
						this.traceparents
							.computeIfAbsent(record.topic() + "/" + record.key(), (key) -> new CopyOnWriteArrayList<>())
							.add(new String(traceparent.value(), StandardCharsets.US_ASCII));
					}
				}
			}
		}
	}

}
