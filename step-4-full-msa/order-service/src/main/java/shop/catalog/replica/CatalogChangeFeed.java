package shop.catalog.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the catalog's change stream into the replica, on a thread of its own: poll a
 * batch of changes, apply them in one database transaction, and only then commit the
 * batch's offsets to Kafka. A crash between the two commits delivers the batch again, and
 * {@link ProductReplica} skips what it applied already.
 * <p>
 * The monolith does not wait for Kafka: it starts and serves orders from the replica as
 * it is. While the broker cannot be reached, the consumer keeps trying in the background;
 * after any failure the feed starts over from the committed offsets.
 * {@link ReplicaHealth} shows where it stands.
 */
@Component
class CatalogChangeFeed implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(CatalogChangeFeed.class);

	/** How long closing the consumer may wait for the broker, which may be gone. */
	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	private final ReplicaSettings settings;

	private final ProductReplica replica;

	private final TransactionTemplate transaction;

	private final Timer lag;

	private final FeedStatus status = new FeedStatus();

	private volatile CountDownLatch stopping = new CountDownLatch(0);

	private volatile KafkaConsumer<String, String> consumer;

	private Thread thread;

	CatalogChangeFeed(ReplicaSettings settings, ProductReplica replica, PlatformTransactionManager transactions,
			MeterRegistry meters) {
		this.settings = settings;
		this.replica = replica;
		this.transaction = new TransactionTemplate(transactions);
		this.lag = Timer.builder("cdc.apply.lag")
			.description("From a change's commit in the catalog database to its commit in the replica")
			.tag("applier", "catalog-replica")
			.publishPercentileHistogram()
			.register(meters);
	}

	private void follow() {
		while (isRunning()) {
			try {
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings());
				try {
					this.consumer = consumer;
					this.status.connecting(consumer);
					consume(consumer);
				}
				finally {
					consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
				}
			}
			catch (WakeupException ex) {
				// stop() woke the consumer up
			}
			catch (RuntimeException ex) {
				this.status.failed(ex);
				logger.warn("The catalog replica's feed failed, starting over from the committed offsets in {}: {}",
						this.settings.retryPause(), ex.toString());
				pause(this.settings.retryPause());
			}
		}
	}

	// tag::consume[]
	private void consume(KafkaConsumer<String, String> consumer) {
		consumer.subscribe(List.of(this.settings.topic()));
		while (isRunning()) {
			ConsumerRecords<String, String> records = consumer.poll(this.settings.pollTimeout());
			if (!records.isEmpty()) {
				// one database transaction, committed when apply returns ...
				apply(records);
				// ... and only then does Kafka learn that the batch is done. The next
				// poll does not wait for the answer: a commit that is lost delivers
				// the batch again, and the replica skips what it has.
				consumer.commitAsync();
			}
			this.status.polled(consumer);
		}
	}
	// end::consume[]

	private void apply(ConsumerRecords<String, String> records) {
		List<ProductChange> changes = new ArrayList<>();
		for (ConsumerRecord<String, String> record : records) {
			try {
				changes.add(ProductChange.parse(record.key(), record.value()));
			}
			catch (IllegalArgumentException ex) {
				// It would fail again on every attempt, and stop every change after it.
				this.status.malformed();
				logger.error("Skipped record {} of {}-{}: {}", record.offset(), record.topic(), record.partition(),
						ex.getMessage());
			}
		}
		List<ProductChange> applied = this.transaction
			.execute((status) -> changes.stream().filter(this.replica::apply).toList());
		Instant committed = Instant.now();
		for (ProductChange change : applied) {
			// A snapshot read has no commit time of its own: not timed.
			if (change.kind() != ProductChange.Kind.SNAPSHOT) {
				this.lag.record(Duration.between(change.committedAt(), committed));
			}
		}
		this.status.applied(applied, changes.size() - applied.size(), committed);
	}

	private Map<String, Object> consumerSettings() {
		Map<String, Object> properties = new HashMap<>();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.bootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, this.settings.group());
		properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, this.settings.instance());
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-replica");
		// A new group builds the replica from the start of the compacted topic.
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// consume() commits the offsets, after the database.
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// The catalog service creates the topic, with its partitions and compaction.
		properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		return properties;
	}

	private void pause(Duration pause) {
		try {
			this.stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Where the feed stands now.
	 * @return its status, never null
	 */
	FeedStatus status() {
		return this.status;
	}

	/** Starts following on a new thread; also after a {@link #stop()}. */
	@Override
	public synchronized void start() {
		this.stopping = new CountDownLatch(1);
		this.thread = new Thread(this::follow, "catalog-replica-feed");
		this.thread.start();
	}

	/** Stops following and waits for the thread to close its consumer. */
	@Override
	public synchronized void stop() {
		this.stopping.countDown();
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.stopping.getCount() > 0;
	}

}
