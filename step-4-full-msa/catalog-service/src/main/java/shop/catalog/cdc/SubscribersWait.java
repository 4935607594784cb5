package shop.catalog.cdc;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import shop.catalog.internal.Product;

/**
 * Read-your-writes for the catalog's subscribers: an administrator's write is answered
 * once every consumer group named in {@code shop.cdc.synchronous-subscribers} has applied
 * it (the group's committed offset is past the change), or when
 * {@code shop.cdc.synchronous-timeout} has passed, whichever comes first. So a client
 * that adds a product and then counts its stock at the inventory service finds it there.
 * PostgreSQL's {@code synchronous_standby_names} with
 * {@code synchronous_commit = remote_apply} does the same for its replicas; and, as
 * there, a subscriber that is down slows writes down by the timeout and stops none.
 *
 * <p>
 * One thread reads the groups' committed offsets from the broker, every
 * {@value #POLL_MILLIS} ms while a write waits and not at all otherwise, however many
 * writes wait.
 */
public final class SubscribersWait implements AutoCloseable {

	private static final Log log = LogFactory.getLog(SubscribersWait.class);

	private static final long POLL_MILLIS = 5;

	private final CdcProperties cdc;

	private final PublishedChanges published;

	private final Admin admin;

	/**
	 * Per partition of the topic, the lowest next offset every subscriber has committed.
	 */
	private final Map<Integer, Long> committed = new ConcurrentHashMap<>();

	private final Thread reader;

	private int waiting;

	private volatile boolean closed;

	SubscribersWait(CdcProperties cdc, PublishedChanges published) {
		this.cdc = cdc;
		this.published = published;
		boolean none = cdc.synchronousSubscribers().isEmpty();
		this.admin = none ? null
				: Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cdc.bootstrapServers()));
		this.reader = none ? null : new Thread(this::readWhileWritesWait, "subscribers-wait");
		if (this.reader != null) {
			this.reader.setDaemon(true);
			this.reader.start();
		}
	}

	/**
	 * Waits until the subscribers have applied a product's change.
	 * @param product the product as the write left it
	 * @return true when every subscriber has it, false when the time ran out first
	 */
	public boolean awaitApplied(Product product) {
		if (this.admin == null) {
			return true;
		}
		long deadline = System.nanoTime() + this.cdc.synchronousTimeout().toNanos();
		try {
			PublishedChanges.Published change = awaitPublished(product, deadline);
			if (change != null && awaitCommitted(change.partition(), change.offset(), deadline)) {
				return true;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.warn("Answered the write of product " + product.getId() + " before " + this.cdc.synchronousSubscribers()
				+ " had applied it (" + this.cdc.synchronousTimeout()
				+ "): a read there may show the product as it was");
		return false;
	}

	/**
	 * The acknowledged change that left the product as the write did, or null in time.
	 */
	private PublishedChanges.Published awaitPublished(Product product, long deadline) throws InterruptedException {
		String id = product.getId().toString();
		String row = PublishedChanges.row(product.getSku(), product.getName(), product.getDescription(),
				product.getPrice().amount(), product.getPrice().currency(), product.isActive());
		while (System.nanoTime() < deadline) {
			PublishedChanges.Published change = this.published.find(id, row);
			if (change != null) {
				return change;
			}
			this.published
				.awaitMore(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		return null;
	}

	private synchronized boolean awaitCommitted(int partition, long offset, long deadline) throws InterruptedException {
		this.waiting++;
		notifyAll();
		try {
			while (this.committed.getOrDefault(partition, -1L) <= offset) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					return false;
				}
				wait(left);
			}
			return true;
		}
		finally {
			this.waiting--;
		}
	}

	private void readWhileWritesWait() {
		try {
			while (!this.closed) {
				synchronized (this) {
					while (this.waiting == 0 && !this.closed) {
						wait();
					}
				}
				Map<Integer, Long> lowest = readCommitted();
				if (lowest != null) {
					this.committed.putAll(lowest);
					synchronized (this) {
						notifyAll();
					}
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The lowest committed offset of the groups per partition, or null when the broker
	 * did not say.
	 */
	private Map<Integer, Long> readCommitted() throws InterruptedException {
		Map<Integer, Long> lowest = null;
		for (String group : this.cdc.synchronousSubscribers()) {
			Map<Integer, Long> ofGroup = new HashMap<>();
			try {
				Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(this.cdc.synchronousTimeout().toMillis(), TimeUnit.MILLISECONDS);
				offsets.forEach((partition, next) -> {
					if (partition.topic().equals(this.cdc.topic()) && next != null) {
						ofGroup.put(partition.partition(), next.offset());
					}
				});
			}
			catch (ExecutionException | TimeoutException ex) {
				return null;
			}
			if (lowest == null) {
				lowest = ofGroup;
			}
			else {
				lowest.keySet().retainAll(ofGroup.keySet());
				lowest.replaceAll((partition, offset) -> Math.min(offset, ofGroup.get(partition)));
			}
		}
		return lowest;
	}

	@Override
	public void close() {
		this.closed = true;
		synchronized (this) {
			notifyAll();
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
