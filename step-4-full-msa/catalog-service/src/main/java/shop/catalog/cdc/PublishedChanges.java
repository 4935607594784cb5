package shop.catalog.cdc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.JsonNode;

/**
 * The last few changes of each product that the broker acknowledged: the product's row as
 * the change event carries it ({@code after}), and where in the topic it is. What
 * {@link SubscribersWait} waits on. Several are kept because writes to one product can
 * follow each other faster than they are published: a write looks for its own row among
 * them, not only at the latest.
 */
final class PublishedChanges {

	/** How many changes of one product are kept. */
	private static final int KEPT = 8;

	private final Map<String, Deque<Published>> recent = new ConcurrentHashMap<>();

	/**
	 * One acknowledged change.
	 *
	 * @param row the row after the change, as {@link #row} writes it
	 * @param partition the topic's partition it is in
	 * @param offset its offset there
	 */
	record Published(String row, int partition, long offset) {

	}

	void published(String productId, JsonNode after, RecordMetadata where) {
		Deque<Published> changes = this.recent.computeIfAbsent(productId, (id) -> new ArrayDeque<>(KEPT));
		synchronized (changes) {
			if (changes.size() == KEPT) {
				changes.removeFirst();
			}
			changes.addLast(new Published(
					row(after.path("sku").asString(), after.path("name").asString(),
							after.path("description").asString(), after.path("price_amount").asLong(),
							after.path("price_currency").asString(), after.path("active").asBoolean()),
					where.partition(), where.offset()));
		}
		synchronized (this) {
			notifyAll();
		}
	}

	/**
	 * The latest acknowledged change of a product that left it as a row.
	 * @param productId the product's id
	 * @param row the row, as {@link #row} writes it
	 * @return the change, or null when none of the recent ones has that row
	 */
	Published find(String productId, String row) {
		Deque<Published> changes = this.recent.get(productId);
		if (changes == null) {
			return null;
		}
		synchronized (changes) {
			for (var newestFirst = changes.descendingIterator(); newestFirst.hasNext();) {
				Published change = newestFirst.next();
				if (change.row().equals(row)) {
					return change;
				}
			}
		}
		return null;
	}

	/** The business columns of a product's row, in one text to compare. */
	static String row(String sku, String name, String description, long priceAmount, String priceCurrency,
			boolean active) {
		return String.join("|", sku, name, description, String.valueOf(priceAmount), priceCurrency,
				String.valueOf(active));
	}

	/** Waits until another change is acknowledged, or the time is up. */
	synchronized void awaitMore(long millis) throws InterruptedException {
		if (millis > 0) {
			wait(millis);
		}
	}

}
