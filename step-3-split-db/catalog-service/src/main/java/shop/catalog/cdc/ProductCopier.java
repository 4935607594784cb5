package shop.catalog.cdc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
					List<String> events = new ArrayList<>();
					for (ConsumerRecord<String, String> record : records) {
						events.add(record.value());
					}
					this.copy.apply(events);
					this.consumer.commitSync();
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
	 * Ends the loop after the batch in hand is applied and committed, and waits for it.
	 */
	@Override
	public void close() {
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
