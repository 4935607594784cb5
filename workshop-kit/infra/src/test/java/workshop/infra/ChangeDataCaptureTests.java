package workshop.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.jayway.jsonpath.JsonPath;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debezium's embedded engine streams a committed insert from the embedded PostgreSQL: the
 * server is ready for the change data capture of step 3.
 */
@WithInfrastructure
class ChangeDataCaptureTests {

	private static final String DATABASE = "cdc_db";

	private static final String SLOT = "workshop_cdc_test";

	@Test
	void streamsACommittedInsertToDebezium(PostgresServer postgres) throws Exception {
		postgres.createDatabase(DATABASE);
		execute(postgres, "CREATE TABLE IF NOT EXISTS products (sku text PRIMARY KEY, name text NOT NULL)");
		List<String> changes = new CopyOnWriteArrayList<>();
		AtomicReference<Throwable> engineFailure = new AtomicReference<>();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try (DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
			.using(debeziumProperties(postgres))
			.using((success, message, error) -> {
				if (!success) {
					engineFailure.set(new IllegalStateException(message, error));
				}
			})
			.notifying((event) -> changes.add(event.value()))
			.build()) {
			executor.execute(engine);
			await().atMost(Duration.ofSeconds(60)).until(() -> failIfStopped(engineFailure) && slotIsActive(postgres));

			execute(postgres, "INSERT INTO products (sku, name) VALUES ('TEA-1', 'Green tea')");

			await().atMost(Duration.ofSeconds(60))
				.until(() -> failIfStopped(engineFailure)
						&& changes.stream().anyMatch(ChangeDataCaptureTests::isTeaInsert));
		}
		finally {
			executor.shutdown();
			executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> !slotExists(postgres));
		assertThat(changes).filteredOn(ChangeDataCaptureTests::isTeaInsert).hasSize(1);
	}

	/**
	 * A Postgres connector streaming one table from a slot it drops when it stops, with
	 * offsets in memory (a real service would keep them).
	 */
	private static Properties debeziumProperties(PostgresServer postgres) {
		Properties properties = new Properties();
		properties.setProperty("name", "workshop-cdc-test");
		properties.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
		properties.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
		properties.setProperty("database.hostname", postgres.host());
		properties.setProperty("database.port", String.valueOf(postgres.port()));
		properties.setProperty("database.user", postgres.username());
		properties.setProperty("database.password", postgres.password());
		properties.setProperty("database.dbname", DATABASE);
		properties.setProperty("topic.prefix", "workshop");
		properties.setProperty("plugin.name", "pgoutput");
		properties.setProperty("slot.name", SLOT);
		properties.setProperty("slot.drop.on.stop", "true");
		properties.setProperty("publication.name", "workshop_cdc_test");
		properties.setProperty("publication.autocreate.mode", "filtered");
		properties.setProperty("table.include.list", "public.products");
		properties.setProperty("snapshot.mode", "no_data");
		properties.setProperty("converter.schemas.enable", "false");
		return properties;
	}

	private static boolean isTeaInsert(String change) {
		return "c".equals(JsonPath.read(change, "$.op")) && "TEA-1".equals(JsonPath.read(change, "$.after.sku"));
	}

	private static boolean failIfStopped(AtomicReference<Throwable> engineFailure) {
		Throwable failure = engineFailure.get();
		if (failure != null) {
			throw new AssertionError("Debezium stopped: " + failure.getMessage(), failure);
		}
		return true;
	}

	private static boolean slotIsActive(PostgresServer postgres) throws SQLException {
		return "t".equals(query(postgres, "SELECT active FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'"));
	}

	private static boolean slotExists(PostgresServer postgres) throws SQLException {
		return query(postgres, "SELECT slot_name FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'") != null;
	}

	private static String query(PostgresServer postgres, String sql) throws SQLException {
		try (Connection connection = connect(postgres);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	private static void execute(PostgresServer postgres, String sql) throws SQLException {
		try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static Connection connect(PostgresServer postgres) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(), postgres.password());
	}

}
