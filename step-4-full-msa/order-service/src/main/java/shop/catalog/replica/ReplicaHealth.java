package shop.catalog.replica;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The replica in {@code /actuator/health} ({@code catalogReplica}): the feed's state, how
 * many changes it has not applied yet, the lag of the last change applied, and how many
 * products can be ordered. Always UP: the replica answers orders from what it has, with
 * or without Kafka; the details say how fresh that is. Not part of readiness.
 */
@Component("catalogReplica")
class ReplicaHealth implements HealthIndicator {

	private final CatalogChangeFeed feed;

	private final ReplicaCatalog catalog;

	ReplicaHealth(CatalogChangeFeed feed, ReplicaCatalog catalog) {
		this.feed = feed;
		this.catalog = catalog;
	}

	@Override
	public Health health() {
		return Health.up()
			.withDetails(this.feed.status().details())
			.withDetail("orderableProducts", this.catalog.countOrderable())
			.build();
	}

}
