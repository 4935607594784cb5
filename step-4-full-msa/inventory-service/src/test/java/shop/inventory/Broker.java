package shop.inventory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import workshop.infra.SharedInfrastructure;

/**
 * The test JVM's Kafka broker, the infra module's shared one that the service uses too,
 * as the test sees it with the plain Kafka client: it writes records as the order service
 * and the catalog do, reads the records on a topic by key, and tells when the service has
 * handled a record, that is when its consumer group has committed an offset past it.
 */
final class Broker {

	private static Broker shared;

	private final String bootstrapServers;

	private final KafkaProducer<String, byte[]> producer;

	private final Admin admin;

	private Broker(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
		this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers, "linger.ms", 0),
				new StringSerializer(), new ByteArraySerializer());
		this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
	}

	/**
	 * The broker of this test JVM, started on first use.
	 * @return it, never null
	 */
	static synchronized Broker shared() {
		if (shared == null) {
			shared = new Broker(SharedInfrastructure.kafka().bootstrapServers());
		}
		return shared;
	}

	/**
	 * Writes a record and waits until the broker has it.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value as text, or null for a tombstone
	 * @return where the record was written
	 */
	RecordMetadata send(String topic, String key, String value) {
		return send(new ProducerRecord<>(topic, key, bytes(value)));
	}

	/**
	 * Writes a record to one partition, so that it is handled after what was written
	 * there before.
	 * @param topic the topic
	 * @param partition the partition
	 * @param key the key
	 * @param value the value as text
	 * @return where the record was written
	 */
	RecordMetadata send(String topic, int partition, String key, String value) {
		return send(new ProducerRecord<>(topic, partition, key, bytes(value)));
	}

	/**
	 * Writes a record that carries a trace, as a traced sender writes it: the W3C
	 * {@code traceparent} header.
	 * @param topic the topic
	 * @param key the key
	 * @param value the value as text
	 * @param traceparent the header's value, {@code 00-<trace id>-<span id>-01}
	 * @return where the record was written
	 */
	RecordMetadata sendTraced(String topic, String key, String value, String traceparent) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes(value));
		record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
		return send(record);
	}

	/**
	 * Waits until a record is on a topic for a key, reading the topic from its beginning.
	 * @param topic the topic
	 * @param key the key
	 * @return the first record's value
	 */
	String await(String topic, String key) {
		try (KafkaConsumer<String, byte[]> consumer = readerOf(topic)) {
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					if (key.equals(record.key())) {
						return text(record.value());
					}
				}
			}
			throw new AssertionError("No record on " + topic + " for " + key + " within 20 s");
		}
	}

	/**
	 * The records on a topic for a key, read from its beginning to the end it has at the
	 * call: every record written before the call is among them.
	 * @param topic the topic
	 * @param key the key
	 * @return their values, in the order of each partition
	 */
	List<String> records(String topic, String key) {
		try (KafkaConsumer<String, byte[]> consumer = readerOf(topic)) {
			Set<TopicPartition> partitions = consumer.assignment();
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<String> values = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					if (key.equals(record.key())) {
						values.add(text(record.value()));
					}
				}
			}
			return values;
		}
	}

	/**
	 * Waits until a consumer group has handled a record: it committed an offset past it,
	 * which a listener's container does once the listener has returned, or once a failed
	 * record is in its dead-letter topic.
	 * @param group the consumer group
	 * @param sent the record, as {@link #send} answered
	 */
	void awaitHandled(String group, RecordMetadata sent) {
		TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
		Awaitility.await(group + " to handle " + partition + " at offset " + sent.offset())
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> committed(group, partition) > sent.offset());
	}

	private long committed(String group, TopicPartition partition) throws Exception {
		OffsetAndMetadata committed = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get(10, TimeUnit.SECONDS)
			.get(partition);
		return (committed != null) ? committed.offset() : -1;
	}

	/** A consumer of every partition of a topic, from the beginning, in no group. */
	private KafkaConsumer<String, byte[]> readerOf(String topic) {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", this.bootstrapServers),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic)
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		return consumer;
	}

	private RecordMetadata send(ProducerRecord<String, byte[]> record) {
		try {
			return this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write to " + record.topic(), ex);
		}
	}

	private static String text(byte[] value) {
		return (value != null) ? new String(value, StandardCharsets.UTF_8) : null;
	}

	private static byte[] bytes(String value) {
		return (value != null) ? value.getBytes(StandardCharsets.UTF_8) : null;
	}

}
