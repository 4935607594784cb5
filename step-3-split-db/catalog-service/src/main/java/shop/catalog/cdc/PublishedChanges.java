package shop.catalog.cdc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.JsonNode;

/**
 * The last change of each product that the broker acknowledged: the product's row as the
 * change event carries it ({@code after}), and where in the topic it is. What
 * {@link SubscribersWait} waits on.
 */
final class PublishedChanges {

	private final Map<String, Published> latest = new ConcurrentHashMap<>();

	/**
	 * One acknowledged change.
	 *
	 * @param after the row after the change
	 * @param partition the topic's partition it is in
	 * @param offset its offset there
	 */
	record Published(JsonNode after, int partition, long offset) {

	}

	void published(String productId, JsonNode after, RecordMetadata where) {
		this.latest.put(productId, new Published(after, where.partition(), where.offset()));
		synchronized (this) {
			notifyAll();
		}
	}

	Published latest(String productId) {
		return this.latest.get(productId);
	}

	/** Waits until another change is acknowledged, or the time is up. */
	synchronized void awaitMore(long millis) throws InterruptedException {
		if (millis > 0) {
			wait(millis);
		}
	}

}
