package shop.catalog.cdc;

import java.util.Properties;

/**
 * The Debezium PostgreSQL connector's settings for one database: what a Kafka Connect
 * user would post to Connect, plus where the embedded engine keeps its offsets.
 */
final class ConnectorSettings {

	/** The table a signal to the engine is inserted into, in the database it streams. */
	static final String SIGNALS = "catalog.debezium_signal";

	private ConnectorSettings() {
	}

	/**
	 * Where an engine's notifications go among its change events.
	 * @param topicPrefix the engine's {@code topic.prefix}
	 * @return the destination of its notification records
	 */
	static String notifications(String topicPrefix) {
		return topicPrefix + ".notifications";
	}

	/**
	 * The settings that stream {@code catalog.products} of one database.
	 * @param source the database; the engine logs in as {@code shop.cdc.role}
	 * @param cdc the stream's settings
	 * @param snapshot whether to read the table's rows first ({@code initial}) or stream
	 * only what changes from the slot's position on ({@code no_data})
	 * @return the engine's properties, never null
	 */
	static Properties of(DatabaseLogin source, CdcProperties cdc, boolean snapshot) {
		Properties settings = new Properties();
		settings.setProperty("name", cdc.engineName(source));
		// tag::connector[]
		settings.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		settings.setProperty("database.hostname", source.host());
		settings.setProperty("database.port", String.valueOf(source.port()));
		settings.setProperty("database.user", cdc.role());
		settings.setProperty("database.password", cdc.password());
		settings.setProperty("database.dbname", source.database());
		settings.setProperty("topic.prefix", cdc.engineName(source));
		settings.setProperty("table.include.list", "catalog.products," + SIGNALS);
		// the logical decoding plug-in built into PostgreSQL, with a publication of only
		// the captured tables and a slot of this engine's own, both the administrator's
		settings.setProperty("plugin.name", "pgoutput");
		settings.setProperty("publication.autocreate.mode", "disabled");
		settings.setProperty("publication.name", cdc.slotName(source));
		settings.setProperty("slot.name", cdc.slotName(source));
		settings.setProperty("snapshot.mode", snapshot ? "initial" : "no_data");
		// BEGIN and END of each transaction, so offsets are committed at transaction ends
		settings.setProperty("provide.transaction.metadata", "true");
		settings.setProperty("tombstones.on.delete", "false");
		// Debezium's default waits 500 ms when it found nothing: most of a change's lag
		settings.setProperty("poll.interval.ms", String.valueOf(cdc.pollInterval().toMillis()));
		// a write to the WAL that the slot decodes, so its position advances even when
		// the captured table does not change
		settings.setProperty("heartbeat.interval.ms", String.valueOf(cdc.heartbeatInterval().toMillis()));
		settings.setProperty("heartbeat.action.query",
				"select pg_logical_emit_message(false, 'heartbeat', now()::varchar)");
		// end::connector[]
		// tag::signals[]
		// a row in the signal table asks for an incremental snapshot: the table is read
		// again in chunks while the stream goes on; the engine tells its progress as
		// notifications among its change events
		settings.setProperty("signal.enabled.channels", "source");
		settings.setProperty("signal.data.collection", SIGNALS);
		settings.setProperty("incremental.snapshot.chunk.size", String.valueOf(cdc.snapshotChunkSize()));
		settings.setProperty("notification.enabled.channels", "sink");
		settings.setProperty("notification.sink.topic.name", notifications(cdc.engineName(source)));
		// end::signals[]
		// the value is the change event envelope without its schema, as Connect's
		// JsonConverter writes it with schemas.enable=false
		settings.setProperty("converter.schemas.enable", "false");
		// offsets on the broker, beside the stream they describe
		settings.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
		settings.setProperty("bootstrap.servers", cdc.bootstrapServers());
		settings.setProperty("offset.storage.topic", cdc.offsetsTopic());
		settings.setProperty("offset.storage.partitions", "1");
		settings.setProperty("offset.storage.replication.factor", "1");
		settings.setProperty("offset.flush.interval.ms", "1000");
		return settings;
	}

}
