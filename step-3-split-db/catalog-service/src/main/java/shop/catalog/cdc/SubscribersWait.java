package shop.catalog.cdc;

import java.time.Duration;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

import shop.catalog.internal.Product;

/**
 * Read-your-writes for the catalog's subscribers: an administrator's write is answered
 * once every consumer group named in {@code shop.cdc.synchronous-subscribers} has applied
 * it (the group's committed offset is past the change), or when
 * {@code shop.cdc.synchronous-timeout} has passed, whichever comes first. So a client
 * that adds a product and then counts its stock at the monolith finds it there.
 * PostgreSQL's {@code synchronous_standby_names} with
 * {@code synchronous_commit = remote_apply} does the same for its replicas; and, as
 * there, a subscriber that is down slows writes down by the timeout and stops none.
 */
public final class SubscribersWait implements AutoCloseable {

	private static final Log log = LogFactory.getLog(SubscribersWait.class);

	private static final Duration POLL = Duration.ofMillis(5);

	private final CdcProperties cdc;

	private final PublishedChanges published;

	private final Admin admin;

	SubscribersWait(CdcProperties cdc, PublishedChanges published) {
		this.cdc = cdc;
		this.published = published;
		this.admin = cdc.synchronousSubscribers().isEmpty() ? null
				: Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cdc.bootstrapServers()));
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
			if (change != null) {
				TopicPartition partition = new TopicPartition(this.cdc.topic(), change.partition());
				while (System.nanoTime() < deadline) {
					if (appliedByAll(partition, change.offset(), deadline)) {
						return true;
					}
					LockSupport.parkNanos(POLL.toNanos());
				}
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

	/** The acknowledged change that left the product as it is now, or null in time. */
	private PublishedChanges.Published awaitPublished(Product product, long deadline) throws InterruptedException {
		String id = product.getId().toString();
		while (System.nanoTime() < deadline) {
			PublishedChanges.Published change = this.published.latest(id);
			if (change != null && sameRow(change.after(), product)) {
				return change;
			}
			this.published
				.awaitMore(Math.min(POLL.toMillis(), TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
		}
		return null;
	}

	private boolean appliedByAll(TopicPartition partition, long offset, long deadline) throws InterruptedException {
		for (String group : this.cdc.synchronousSubscribers()) {
			try {
				Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				OffsetAndMetadata next = committed.get(partition);
				if (next == null || next.offset() <= offset) {
					return false;
				}
			}
			catch (ExecutionException | TimeoutException ex) {
				return false;
			}
		}
		return true;
	}

	private static boolean sameRow(JsonNode after, Product product) {
		return product.getSku().equals(after.path("sku").asString())
				&& product.getName().equals(after.path("name").asString())
				&& product.getDescription().equals(after.path("description").asString())
				&& product.getPrice().amount() == after.path("price_amount").asLong()
				&& product.getPrice().currency().equals(after.path("price_currency").asString())
				&& product.isActive() == after.path("active").asBoolean();
	}

	@Override
	public void close() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
		}
	}

}
