package shop.catalog.cdc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the engine's product changes to the catalog's topic, keyed by product id, and
 * tells the engine a change is done only once the broker has acknowledged it.
 *
 * <p>
 * Done means the engine may commit the change's offset and, after a restart, resume after
 * it. Only whole transactions are done: a transaction's changes count when its END does.
 * Several changes of one statement (a COPY, a multi-row INSERT) can share one LSN, and an
 * engine that resumed from the middle of them could skip the rest (Debezium 3.6,
 * DBZ-1554). A change outside a transaction (a snapshot row, a heartbeat) is done by
 * itself.
 */
final class ChangePublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<String, String>> {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Producer<String, String> producer;

	private final String topic;

	private final String products;

	private final String transactions;

	private final String notifications;

	private final PublishedChanges published;

	private final SnapshotProgress snapshot;

	private boolean inTransaction;

	ChangePublisher(Producer<String, String> producer, String topic, String topicPrefix, PublishedChanges published,
			SnapshotProgress snapshot) {
		this.producer = producer;
		this.published = published;
		this.snapshot = snapshot;
		this.topic = topic;
		this.products = topicPrefix + ".catalog.products";
		this.transactions = topicPrefix + ".transaction";
		this.notifications = ConnectorSettings.notifications(topicPrefix);
	}

	@Override
	public void handleBatch(List<ChangeEvent<String, String>> records,
			DebeziumEngine.RecordCommitter<ChangeEvent<String, String>> committer) throws InterruptedException {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		List<ChangeEvent<String, String>> done = new ArrayList<>();
		for (ChangeEvent<String, String> record : records) {
			if (this.notifications.equals(record.destination())) {
				// the engine's own news, with no position in the source: nothing to
				// commit
				this.snapshot.notified(json.readTree(record.value()));
				continue;
			}
			if (this.products.equals(record.destination()) && record.value() != null) {
				String id = productId(record.key());
				JsonNode change = json.readTree(record.value());
				JsonNode after = change.path("after");
				if ("r".equals(change.path("op").asString())) {
					this.snapshot.rowRead();
				}
				sent.add(this.producer.send(new ProducerRecord<>(this.topic, id, record.value()), (where, failure) -> {
					if (failure == null) {
						this.published.published(id, after, where);
					}
				}));
			}
			if (this.transactions.equals(record.destination())) {
				this.inTransaction = "BEGIN".equals(json.readTree(record.value()).path("status").asString());
			}
			if (!this.inTransaction) {
				done.add(record);
			}
		}
		for (Future<RecordMetadata> acknowledgement : sent) {
			try {
				acknowledgement.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("Kafka did not take a catalog change: " + ex.getCause().getMessage(),
						ex.getCause());
			}
		}
		for (ChangeEvent<String, String> record : done) {
			committer.markProcessed(record);
		}
		committer.markBatchFinished();
	}

	private static String productId(String key) {
		return json.readTree(key).path("id").asString();
	}

}
