package workshop.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Servers that run as processes of their own on a data folder that outlives them: killed
 * as a crash kills them, started again on the same folder and port, and what was
 * committed before the crash is still there.
 */
class ServerProcessTests {

	@TempDir
	Path folder;

	@Test
	void postgresKilledAndStartedAgainRecoversItsCommittedData() throws SQLException {
		DataFolder data = DataFolder.kept(this.folder.resolve("postgres"));
		EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data, 0);
		int port = first.port();
		first.createDatabase("shop");
		execute(first, "CREATE TABLE notes (text text)", "INSERT INTO notes VALUES ('before the crash')");
		long postmaster = first.pid();

		first.kill();

		assertThat(ProcessHandle.of(postmaster)).isEmpty();
		assertThat(first.pid()).isEqualTo(-1);
		EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, port);
		try {
			assertThat(second.port()).isEqualTo(port);
			assertThat(second.pid()).isPositive().isNotEqualTo(postmaster);
			assertThat(query(second, "SELECT text FROM notes")).containsExactly("before the crash");
		}
		finally {
			second.close();
		}
		assertThat(data.path().resolve("PG_VERSION")).exists();
	}

	@Test
	void postgresLeftRunningByADeadJvmIsStoppedBeforeItsFolderIsUsedAgain() throws SQLException {
		DataFolder data = DataFolder.kept(this.folder.resolve("postgres"));
		EmbeddedPostgresServer abandoned = EmbeddedPostgresServer.start(data, 0);
		long postmaster = abandoned.pid();

		EmbeddedPostgresServer.stopLeftOver(data.path());

		assertThat(ProcessHandle.of(postmaster)).isEmpty();
		abandoned.kill();
		EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, 0);
		again.close();
	}

	@Test
	void kafkaKilledAndStartedAgainKeepsItsTopicsMessagesAndPorts() {
		DataFolder data = DataFolder.kept(this.folder.resolve("kafka"));
		KafkaServerProcess first = KafkaServerProcess.start(data, 0, 0);
		String topic = "orders-" + UUID.randomUUID();
		send(first.bootstrapServers(), topic, "placed before the crash");
		long pid = first.pid();

		first.kill();

		assertThat(ProcessHandle.of(pid)).isEmpty();
		KafkaServerProcess second = KafkaServerProcess.start(data, first.brokerPort(), first.controllerPort());
		try {
			assertThat(second.bootstrapServers()).isEqualTo(first.bootstrapServers());
			assertThat(readAll(second.bootstrapServers(), topic)).containsExactly("placed before the crash");
		}
		finally {
			second.close();
		}
		assertThat(second.pid()).isEqualTo(-1);
		assertThat(Files.exists(data.path().resolve("log"))).isTrue();
	}

	private static void send(String bootstrapServers, String topic, String value) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key", value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> readAll(String bootstrapServers, String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

	private static void execute(PostgresServer server, String... statements) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<String> query(PostgresServer server, String sql) throws SQLException {
		try (Connection connection = connect(server);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static Connection connect(PostgresServer server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl("shop"), server.username(), server.password());
	}

}
