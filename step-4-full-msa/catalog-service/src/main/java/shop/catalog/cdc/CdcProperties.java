package shop.catalog.cdc;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change stream's settings, under {@code shop.cdc.*}.
 *
 * @param bootstrapServers the Kafka broker
 * @param topic the catalog's change stream, which other services consume
 * @param topicPartitions its partitions, when this service creates it
 * @param name names the engines ({@code <name>-<database>}), their replication slots and
 * publications ({@code <name>_<database>})
 * @param offsetsTopic where the engines keep their source offsets, on the broker
 * @param copyGroup the consumer group of the copier
 * @param pollInterval how long the engine waits for changes when it found none
 * @param heartbeatInterval how often the engine confirms its position to the server, so
 * that a database with no change to the catalog retains no WAL
 * @param synchronousSubscribers the consumer groups an administrator's write waits for
 * ({@link SubscribersWait}); none by default
 * @param synchronousTimeout the longest a write waits for them
 * @param snapshotChunkSize how many rows an incremental snapshot reads at a time
 * @param role the login the engine reads the database as: a role with the replication
 * privilege and read access to the captured tables (migration V4.1 creates it)
 * @param password its password
 */
@ConfigurationProperties("shop.cdc")
public record CdcProperties(String bootstrapServers, @DefaultValue("catalog.products") String topic,
		@DefaultValue("3") int topicPartitions, @DefaultValue("catalog") String name,
		@DefaultValue("catalog-service.cdc-offsets") String offsetsTopic,
		@DefaultValue("catalog-copy") String copyGroup, @DefaultValue("20ms") Duration pollInterval,
		@DefaultValue("1s") Duration heartbeatInterval, @DefaultValue List<String> synchronousSubscribers,
		@DefaultValue("1s") Duration synchronousTimeout, @DefaultValue("4096") int snapshotChunkSize,
		@DefaultValue("catalog_cdc") String role, @DefaultValue("cdc") String password) {

	String engineName(DatabaseLogin source) {
		return this.name + "-" + source.database();
	}

	String slotName(DatabaseLogin source) {
		return (this.name + "_" + source.database()).replace('-', '_');
	}

}
