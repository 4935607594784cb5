package shop.catalog.cdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumes the catalog's topic and applies it to the catalog's own database with
 * {@link ProductCopy}, on a thread of its own. Kafka offsets are committed only after the
 * database committed the changes: a crash in between delivers them again, and the copy
 * skips them.
 */
public final class ProductCopier implements AutoCloseable {

	private static final Log log = LogFactory.getLog(ProductCopier.class);

	private final KafkaConsumer<String, String> consumer;

	private final ProductCopy copy;

	private final Thread thread;

	private final ReentrantLock applying = new ReentrantLock();

	private volatile boolean running = true;

	ProductCopier(CdcProperties cdc, ProductCopy copy) {
		this.copy = copy;
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cdc.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, cdc.copyGroup(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
		this.consumer.subscribe(List.of(cdc.topic()));
		this.thread = new Thread(this::consume, cdc.copyGroup());
		this.thread.start();
	}

	private void consume() {
		try {
			while (this.running) {
				ConsumerRecords<String, String> records = this.consumer.poll(Duration.ofMillis(200));
				if (!records.isEmpty()) {
					applyAndCommit(records);
				}
			}
		}
		catch (WakeupException ex) {
			// close() asked the loop to end
		}
		catch (RuntimeException ex) {
			log.error("The catalog copier stopped", ex);
		}
		finally {
			this.running = false;
			this.consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
		}
	}

	private void applyAndCommit(ConsumerRecords<String, String> records) {
		this.applying.lock();
		try {
			if (!this.running) {
				return;
			}
			// tag::apply-then-commit[]
			List<String> events = new ArrayList<>();
			for (ConsumerRecord<String, String> record : records) {
				events.add(record.value());
			}
			this.copy.apply(events);
			this.consumer.commitSync();
			// end::apply-then-commit[]
		}
		finally {
			this.applying.unlock();
		}
	}

	/**
	 * Stops applying: waits for the batch in hand to be applied and committed; nothing is
	 * applied after it returns. The consumer then closes on its own thread.
	 */
	public void halt() {
		this.running = false;
		this.consumer.wakeup();
		this.applying.lock();
		this.applying.unlock();
	}

	/**
	 * Whether it still consumes.
	 * @return false once closed or failed
	 */
	public boolean running() {
		return this.running;
	}

	/**
	 * The copy it applies with.
	 * @return the copy, never null
	 */
	public ProductCopy copy() {
		return this.copy;
	}

	/**
	 * Halts, then waits until the consumer has closed.
	 */
	@Override
	public void close() {
		halt();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
