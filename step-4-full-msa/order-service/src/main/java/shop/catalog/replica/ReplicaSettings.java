package shop.catalog.replica;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the replica follows the catalog's change stream, under
 * {@code shop.catalog.replica.*}.
 *
 * @param bootstrapServers the Kafka brokers ({@code spring.kafka.bootstrap-servers},
 * which {@code ./workshop run} passes)
 * @param topic the catalog's change stream, {@code catalog.products}
 * @param group the consumer group whose committed offsets say how far the replica got
 * @param instance this process's name in the group: a restarted monolith takes its
 * partitions back at once instead of waiting for the group to time the old one out
 * @param pollTimeout how long one poll waits when no change comes; a change that comes is
 * handed over at once
 * @param retryPause how long the feed waits after a failure before it reconnects
 */
@ConfigurationProperties("shop.catalog.replica")
record ReplicaSettings(@DefaultValue("localhost:9092") String bootstrapServers,
		@DefaultValue("catalog.products") String topic, @DefaultValue("monolith-catalog-replica") String group,
		@DefaultValue("monolith") String instance, @DefaultValue("PT0.1S") Duration pollTimeout,
		@DefaultValue("PT1S") Duration retryPause) {
}
