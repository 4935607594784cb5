package shop.catalog.cdc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;

/**
 * Starts the catalog's change stream, and manages the replication slot it reads. Creates
 * the catalog's topic ({@code catalog.products}, compacted, keyed by product id) when it
 * is missing.
 */
public class ChangeStreams implements DisposableBean {

	private final CdcProperties cdc;

	private final Producer<String, String> producer;

	private final PublishedChanges published = new PublishedChanges();

	private final SnapshotProgress snapshot = new SnapshotProgress();

	public ChangeStreams(CdcProperties cdc) {
		this.cdc = cdc;
		createTopic();
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cdc.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	/**
	 * Starts streaming a database's products table to the catalog's topic.
	 * @param source the database, as a user with the replication privilege
	 * @param snapshot whether to read the table's rows first; without, the stream starts
	 * at its slot's position
	 * @return the running stream; close it to stop it
	 */
	public ChangeStream stream(DatabaseLogin source, boolean snapshot) {
		return new ChangeStream(source.database(), this.cdc.slotName(source),
				ConnectorSettings.of(source, this.cdc, snapshot), new ChangePublisher(this.producer, this.cdc.topic(),
						this.cdc.engineName(source), this.published, this.snapshot));
	}

	/**
	 * Asks the stream of a database to read its products table again, in chunks, while it
	 * goes on streaming: an incremental snapshot, signalled through the database's signal
	 * table. Every row it reads reaches the topic as a change ({@code op} "r"), and
	 * whoever applies the topic by the rows' LSNs takes it where its own row is older.
	 * @param source the database the running stream reads, as a user with the replication
	 * privilege
	 * @param removedFromCopy what the caller took out of the copy first, for the record
	 * @return the snapshot just asked for
	 */
	public SnapshotProgress.Snapshot requestSnapshot(DatabaseLogin source, int removedFromCopy) {
		// requested before the signal is written: the engine's first notification may
		// arrive before the insert returns
		this.snapshot.requested(source.database(), removedFromCopy);
		try {
			run(source, (connection) -> {
				try (PreparedStatement signal = connection.prepareStatement("insert into " + ConnectorSettings.SIGNALS
						+ " (id, type, data) values (?, 'execute-snapshot', ?)")) {
					signal.setString(1, UUID.randomUUID().toString());
					signal.setString(2, "{\"data-collections\": [\"catalog.products\"], \"type\": \"incremental\"}");
					signal.executeUpdate();
				}
			});
		}
		catch (IllegalStateException ex) {
			this.snapshot.notSent();
			throw ex;
		}
		return this.snapshot.snapshot();
	}

	/**
	 * The incremental snapshot last asked for.
	 * @return its progress, never null
	 */
	public SnapshotProgress snapshot() {
		return this.snapshot;
	}

	/**
	 * The wait of administrators' writes for the subscribers of the stream.
	 * @return a new wait; close it with the application
	 */
	public SubscribersWait subscribersWait() {
		return new SubscribersWait(this.cdc, this.published);
	}

	/**
	 * The replication slot a stream of the database reads.
	 * @param source the database
	 * @return the slot's name
	 */
	public String slot(DatabaseLogin source) {
		return this.cdc.slotName(source);
	}

	/**
	 * Creates the publication a stream of the database reads, unless it exists: the
	 * administrator's, since it names the tables; the engine's own login only reads them.
	 * @param source the database, as its administrator
	 */
	public void createPublication(DatabaseLogin source) {
		String name = this.cdc.slotName(source);
		run(source, (connection) -> {
			if (!exists(connection, "select 1 from pg_publication where pubname = ?", name)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute(
							"create publication " + name + " for table catalog.products, " + ConnectorSettings.SIGNALS);
				}
			}
		});
	}

	/**
	 * Creates the publication and the slot a stream of the database reads, unless they
	 * exist. From then on the server keeps every change for the stream, even before it
	 * runs.
	 * @param source the database, as its administrator
	 */
	public void createSlot(DatabaseLogin source) {
		createPublication(source);
		String name = this.cdc.slotName(source);
		run(source, (connection) -> {
			if (!exists(connection, "select 1 from pg_replication_slots where slot_name = ?", name)) {
				query(connection, "select pg_create_logical_replication_slot(?, 'pgoutput')", name);
			}
		});
	}

	/**
	 * Moves the slot of the database to the server's current position: the changes until
	 * now will not be streamed.
	 * @param source the database, as a user with the replication privilege
	 */
	public void advanceSlot(DatabaseLogin source) {
		run(source, (connection) -> query(connection, "select pg_replication_slot_advance(?, pg_current_wal_lsn())",
				this.cdc.slotName(source)));
	}

	/**
	 * Drops the slot and the publication of the database, if they exist, so the server
	 * retains no WAL for them. No stream may be running on them.
	 * @param source the database, as a user with the replication privilege
	 */
	public void dropSlot(DatabaseLogin source) {
		String name = this.cdc.slotName(source);
		run(source, (connection) -> {
			if (exists(connection, "select 1 from pg_replication_slots where slot_name = ?", name)) {
				query(connection, "select pg_drop_replication_slot(?)", name);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("drop publication if exists " + name);
			}
		});
	}

	@Override
	public void destroy() {
		this.producer.close();
	}

	private void createTopic() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.cdc.bootstrapServers()))) {
			NewTopic topic = new NewTopic(this.cdc.topic(), this.cdc.topicPartitions(), (short) 1)
				.configs(Map.of("cleanup.policy", "compact"));
			admin.createTopics(List.of(topic)).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("Cannot create the topic " + this.cdc.topic() + ": " + ex.getMessage(),
						ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the topic " + this.cdc.topic(), ex);
		}
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	private static void query(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			statement.executeQuery().close();
		}
	}

	private static void run(DatabaseLogin source, SqlWork work) {
		try (Connection connection = DriverManager.getConnection(source.jdbcUrl(), source.username(),
				source.password())) {
			work.run(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"The change stream's database " + source.database() + " refused: " + ex.getMessage(), ex);
		}
	}

	private interface SqlWork {

		void run(Connection connection) throws SQLException;

	}

}
