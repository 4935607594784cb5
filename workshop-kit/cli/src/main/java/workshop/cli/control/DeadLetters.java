package workshop.cli.control;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import workshop.cli.WorkshopException;
import workshop.cli.control.StepStatus.DeadLetterTopic;
import workshop.cli.run.InfraServer;
import workshop.cli.run.StepSession;

/**
 * The dead-letter topics of a step's Kafka broker: {@code <topic>.DLT}, where a service
 * parks a message its listener could not handle, after its retries, with Spring Kafka's
 * {@code kafka_dlt-*} headers saying where it came from and why it failed. Counts what
 * waits in each ({@code ./workshop status}) and sends it back to the topic it came from
 * ({@code ./workshop replay}). What was sent back is remembered as the committed offsets
 * of the consumer group {@value #REPLAY_GROUP}, so each message is replayed once. Every
 * call to the broker gives up after 2 s: a broker that is down gives a one-line
 * {@link WorkshopException}, never a hang.
 */
final class DeadLetters {

	/** How the name of a dead-letter topic ends. */
	static final String SUFFIX = ".DLT";

	/** The consumer group whose committed offsets mark what was replayed. */
	static final String REPLAY_GROUP = "workshop-replay";

	/** The headers Spring Kafka adds to a dead letter, left out when it is replayed. */
	static final String DLT_HEADER_PREFIX = "kafka_dlt-";

	static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";

	static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	/** The longest a replay goes on without reading a message it expects. */
	private static final Duration STALLED = Duration.ofSeconds(10);

	/**
	 * One replay at a time: two terminals replaying at once would send a message twice.
	 */
	private static final Object REPLAYING = new Object();

	private final String address;

	/**
	 * Reads the dead-letter topics of a broker.
	 * @param address the broker's bootstrap servers, {@code host:port}
	 */
	DeadLetters(String address) {
		this.address = address;
	}

	/**
	 * Finds the broker of a running step.
	 * @param session the running step
	 * @return its dead letters
	 * @throws WorkshopException when the step has no Kafka, or its broker does not run or
	 * runs outside the workshop
	 */
	static DeadLetters of(StepSession session) {
		if (!session.step().infra().kafka()) {
			throw new WorkshopException(session.step().id() + " has no Kafka, so no dead letters.");
		}
		InfraServer kafka = session.servers()
			.stream()
			.filter((server) -> "kafka".equals(server.name()))
			.findFirst()
			.orElseThrow(() -> new WorkshopException("Kafka runs outside the workshop (--infra external): "
					+ "read its dead letters with your own tools."));
		if (!"running".equals(kafka.state())) {
			throw new WorkshopException("kafka is " + kafka.state() + ": ./workshop start kafka starts it again.");
		}
		return new DeadLetters(kafka.address());
	}

	/**
	 * Says whether a topic is a dead-letter topic.
	 * @param topic a topic's name
	 * @return true when it ends in {@value #SUFFIX}
	 */
	static boolean isDeadLetterTopic(String topic) {
		return topic.endsWith(SUFFIX) && topic.length() > SUFFIX.length();
	}

	/**
	 * Counts, for every dead-letter topic on the broker, the messages not replayed yet:
	 * its end offsets minus what {@value #REPLAY_GROUP} committed, or minus its beginning
	 * offsets where that group committed nothing.
	 * @return one entry per topic, by name, empty when there are none
	 * @throws WorkshopException when the broker does not answer
	 */
	List<DeadLetterTopic> waiting() {
		Admin admin = Admin.create(adminSettings());
		try {
			List<String> names = deadLetterTopics(admin);
			if (names.isEmpty()) {
				return List.of();
			}
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
			admin.describeTopics(names)
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.values()
				.forEach((topic) -> topic.partitions().forEach((partition) -> {
					TopicPartition key = new TopicPartition(topic.name(), partition.partition());
					latest.put(key, OffsetSpec.latest());
					earliest.put(key, OffsetSpec.earliest());
				}));
			Map<TopicPartition, Long> ends = offsets(admin, latest);
			Map<TopicPartition, Long> beginnings = offsets(admin, earliest);
			Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(REPLAY_GROUP)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			Map<String, Long> waiting = new TreeMap<>();
			names.forEach((name) -> waiting.put(name, 0L));
			ends.forEach((partition, end) -> {
				long start = start(beginnings.get(partition), replayed.get(partition));
				waiting.merge(partition.topic(), Math.max(end - start, 0), Long::sum);
			});
			return waiting.entrySet()
				.stream()
				.map((entry) -> new DeadLetterTopic(entry.getKey(), entry.getValue()))
				.toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while reading the dead letters.", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw noAnswer(ex);
		}
		finally {
			admin.close(Duration.ZERO);
		}
	}

	/**
	 * Sends every message waiting in a dead-letter topic back to the topic it came from
	 * (header {@value #ORIGINAL_TOPIC}, else the name without {@value #SUFFIX}), with its
	 * key, its value and its headers less Spring Kafka's {@code kafka_dlt-*} ones, and
	 * commits each one's offset for {@value #REPLAY_GROUP} once the broker has it. Only
	 * what waited when the replay began is sent, and one replay runs at a time.
	 * @param topic the dead-letter topic
	 * @return what was sent back, in the order it was read
	 * @throws WorkshopException when the name is no dead-letter topic, the broker has no
	 * such topic, or does not answer
	 */
	Replay replay(String topic) {
		if (!isDeadLetterTopic(topic)) {
			throw new WorkshopException("'" + topic + "' is no dead-letter topic: their names end in " + SUFFIX
					+ " (./workshop status lists them under DEAD LETTERS).");
		}
		synchronized (REPLAYING) {
			return replayWaiting(topic);
		}
	}

	private Replay replayWaiting(String topic) {
		KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerSettings());
		KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerSettings());
		try {
			List<TopicPartition> partitions = partitions(consumer, topic);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
			Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
			Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
			Map<TopicPartition, Long> pending = new HashMap<>();
			for (TopicPartition partition : partitions) {
				long start = start(beginnings.get(partition), replayed.get(partition));
				if (start < ends.get(partition)) {
					pending.put(partition, start);
				}
			}
			consumer.assign(pending.keySet());
			pending.forEach(consumer::seek);
			List<Message> messages = new ArrayList<>();
			Set<String> destinations = new LinkedHashSet<>();
			long stalledAt = System.nanoTime() + STALLED.toNanos();
			while (!pending.isEmpty()) {
				if (System.nanoTime() > stalledAt) {
					throw new WorkshopException("Read no message of " + topic + " for " + STALLED.toSeconds()
							+ " s after " + messages.size() + " replayed (committed); ./workshop replay " + topic
							+ " again sends the rest.");
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() >= ends.get(partition)) {
						continue;
					}
					String destination = originalTopic(record);
					sendBack(producer, destination, record);
					consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)), TIMEOUT);
					messages.add(new Message(record.partition(), record.offset(), text(record.key()),
							header(record, EXCEPTION_MESSAGE)));
					destinations.add(destination);
					stalledAt = System.nanoTime() + STALLED.toNanos();
				}
				pending.keySet().removeIf((partition) -> consumer.position(partition, TIMEOUT) >= ends.get(partition));
			}
			return new Replay(topic, List.copyOf(destinations), List.copyOf(messages));
		}
		catch (KafkaException ex) {
			throw noAnswer(ex);
		}
		finally {
			producer.close(TIMEOUT);
			consumer.close(CloseOptions.timeout(TIMEOUT));
		}
	}

	private List<String> deadLetterTopics(Admin admin)
			throws InterruptedException, ExecutionException, TimeoutException {
		return admin.listTopics()
			.names()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.stream()
			.filter(DeadLetters::isDeadLetterTopic)
			.sorted()
			.toList();
	}

	private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> specs)
			throws InterruptedException, ExecutionException, TimeoutException {
		Map<TopicPartition, Long> offsets = new HashMap<>();
		admin.listOffsets(specs)
			.all()
			.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
		return offsets;
	}

	/** Where the messages not replayed yet begin in a partition. */
	private static long start(Long beginning, OffsetAndMetadata replayed) {
		long first = (beginning != null) ? beginning : 0;
		return (replayed != null) ? Math.max(replayed.offset(), first) : first;
	}

	private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
		Map<String, List<PartitionInfo>> topics = consumer.listTopics(TIMEOUT);
		List<PartitionInfo> partitions = topics.get(topic);
		if (partitions == null) {
			List<String> known = topics.keySet().stream().filter(DeadLetters::isDeadLetterTopic).sorted().toList();
			throw new WorkshopException("Kafka on " + this.address + " has no topic " + topic + "; "
					+ (known.isEmpty() ? "it has no dead-letter topics yet."
							: "its dead-letter topics: " + String.join(", ", known) + "."));
		}
		return partitions.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
	}

	private static void sendBack(KafkaProducer<byte[], byte[]> producer, String destination,
			ConsumerRecord<byte[], byte[]> record) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : record.headers()) {
			if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
				headers.add(header);
			}
		}
		try {
			producer.send(new ProducerRecord<>(destination, null, record.key(), record.value(), headers))
				.get(STALLED.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while replaying " + record.topic() + ".", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new WorkshopException("Could not send " + record.topic() + " partition " + record.partition()
					+ " offset " + record.offset() + " back to " + destination + " (" + rootCause(ex)
					+ "); what was replayed before it is committed.", ex);
		}
	}

	private static String originalTopic(ConsumerRecord<byte[], byte[]> record) {
		String original = header(record, ORIGINAL_TOPIC);
		return (original != null) ? original : record.topic().substring(0, record.topic().length() - SUFFIX.length());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? text(header.value()) : null;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	private WorkshopException noAnswer(Exception ex) {
		return new WorkshopException("Kafka on " + this.address + " does not answer within " + TIMEOUT.toSeconds()
				+ " s (" + rootCause(ex) + "): ./workshop status shows whether it runs.", ex);
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	private Properties adminSettings() {
		Properties settings = new Properties();
		settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.address);
		settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		return settings;
	}

	private Properties consumerSettings() {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.address);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		settings.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		return settings;
	}

	private Properties producerSettings() {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.address);
		settings.put(ProducerConfig.ACKS_CONFIG, "all");
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
		settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
		settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) STALLED.toMillis());
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
		return settings;
	}

	/**
	 * What a replay sent back.
	 *
	 * @param from the dead-letter topic
	 * @param to the topics the messages went back to, in the order first sent to
	 * @param messages each message sent back, empty when nothing waited
	 */
	record Replay(String from, List<String> to, List<Message> messages) {
	}

	/**
	 * One message sent back.
	 *
	 * @param partition its partition in the dead-letter topic
	 * @param offset its offset there
	 * @param key its key as text, or null
	 * @param error the exception message its headers carry, or null
	 */
	record Message(int partition, long offset, String key, String error) {
	}

}
