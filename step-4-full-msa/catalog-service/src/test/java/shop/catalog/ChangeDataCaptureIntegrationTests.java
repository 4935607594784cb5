package shop.catalog;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The engine snapshots the catalog's database, then streams every change of its products
 * to the topic {@code catalog.products}, keyed by product id, reading as a login of its
 * own; a restart of the engine loses no change.
 */
class ChangeDataCaptureIntegrationTests extends CatalogServiceIntegrationTest {

	// every column a change event carries, in a stable order
	static final String ROWS = """
			select id, sku, name, description, price_amount, price_currency, active
			from catalog.products order by id""";

	static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}, "active": true}""";

	private static final Log log = LogFactory.getLog(ChangeDataCaptureIntegrationTests.class);

	final PostgresServer postgres = SharedInfrastructure.postgres();

	final JdbcTemplate database = administrator("catalog");

	@Autowired
	@Qualifier("catalogChangeStream")
	SmartLifecycle changeStream;

	@Test
	void publishesEveryProductAndFollowsItsChanges() {
		awaitTopicAgrees();

		String id = json(postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-STREAMED"))).path("id").asString();
		for (int price = 901; price <= 920; price++) {
			assertThat(send(request("/api/products/" + id).setHeader("Authorization", GatewayTokens.admin())
				.header("Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers
					.ofString(NEW_PRODUCT.formatted("TOWEL-STREAMED").replace("900", String.valueOf(price)))))
				.statusCode()).isEqualTo(200);
		}

		awaitTopicAgrees();
		JsonNode change = latestChanges().get(id);
		assertThat(change.path("op").asString()).isEqualTo("u");
		assertThat(change.path("after").path("price_amount").asLong()).isEqualTo(920);
	}

	@Test
	void streamsAsALoginOfItsOwnThatIsNoAdministrator() {
		awaitTopicAgrees();

		// the server process that sends the slot's changes runs as the engine's login
		String senders = """
				select a.usename, r.rolsuper, r.rolreplication
				from pg_replication_slots s
				join pg_stat_activity a on a.pid = s.active_pid
				join pg_roles r on r.rolname = a.usename
				where s.database = current_database()""";

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.database.queryForList(senders))
				.containsExactly(Map.of("usename", "catalog_cdc", "rolsuper", false, "rolreplication", true)));
	}

	@Test
	void losesNoRowOfOneCopyWhenTheEngineRestartsInTheMiddle() throws Exception {
		awaitTopicAgrees();
		int rows = 5_000;
		AtomicInteger streamedAtStop = new AtomicInteger();

		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			// seekToEnd is lazy: the positions are taken now, before the COPY
			partitions.forEach(consumer::position);

			// one COPY: its rows reach the WAL in multi-row records, sharing LSNs
			StringBuilder lines = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				lines.append(UUID.randomUUID())
					.append("\tBULK-")
					.append(UUID.randomUUID().toString(), 0, 13)
					.append("\tBulk item\t\t100\tUSD\tfalse\n");
			}
			try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl("catalog"),
					this.postgres.username(), this.postgres.password())) {
				connection.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy catalog.products (id, sku, name, description, price_amount, price_currency, active) "
							+ "from stdin", new StringReader(lines.toString()));
			}
			await().atMost(Duration.ofSeconds(60))
				.pollInSameThread()
				.until(() -> streamedAtStop.addAndGet(consumer.poll(Duration.ofMillis(50)).count()) > 0);
		}
		this.changeStream.stop();
		// the server lets go of the slot a moment after the engine has closed; an engine
		// started before would wait 10 s to try again
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.database.queryForObject(
					"select count(*) from pg_replication_slots where database = current_database() and active",
					Integer.class) == 0);
		this.changeStream.start();

		awaitTopicAgrees();
		Map<String, JsonNode> latest = latestChanges();
		List<String> copied = this.database
			.queryForList("select id::text from catalog.products where sku like 'BULK-%'", String.class);
		assertThat(copied).hasSize(rows);
		// streamed as inserts after the restart, not read again by a second snapshot
		assertThat(copied).allSatisfy((id) -> assertThat(latest.get(id).path("op").asString()).isEqualTo("c"));
		log.info("COPY of " + rows + " rows: the engine was stopped once " + streamedAtStop.get()
				+ " of them were on the topic");
	}

	private void awaitTopicAgrees() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<Map<String, Object>> table = this.database.queryForList(ROWS);
			List<Map<String, Object>> topic = new ArrayList<>();
			latestChanges().forEach((id, change) -> topic.add(row(id, change.path("after"))));
			assertThat(without(topic, table)).as("products on the topic that the table does not have").isEmpty();
			assertThat(without(table, topic)).as("rows of the table that the topic does not have").isEmpty();
		});
	}

	private static List<Map<String, Object>> without(List<Map<String, Object>> rows, List<Map<String, Object>> others) {
		java.util.Set<Map<String, Object>> those = new java.util.HashSet<>(others);
		return rows.stream().filter((row) -> !those.contains(row)).toList();
	}

	/**
	 * A product as the change left it, keyed by the record's key, like a row of
	 * {@link #ROWS}.
	 */
	private static Map<String, Object> row(String id, JsonNode after) {
		return Map.of("id", UUID.fromString(id), "sku", after.path("sku").asString(), "name",
				after.path("name").asString(), "description", after.path("description").asString(), "price_amount",
				after.path("price_amount").asLong(), "price_currency", after.path("price_currency").asString(),
				"active", after.path("active").asBoolean());
	}

	private JdbcTemplate administrator(String database) {
		return new JdbcTemplate(new DriverManagerDataSource(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password()));
	}

	/** The last change of each product on the topic, by the record's key. */
	private static Map<String, JsonNode> latestChanges() {
		Map<String, JsonNode> latest = new HashMap<>();
		for (ConsumerRecord<String, String> record : readTopic()) {
			latest.put(record.key(), JsonMapper.shared().readTree(record.value()));
		}
		return latest;
	}

	private static List<ConsumerRecord<String, String>> readTopic() {
		try (KafkaConsumer<String, String> consumer = consumer()) {
			List<TopicPartition> partitions = partitions(consumer);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedInfrastructure.kafka().bootstrapServers(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

	private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
		return consumer.partitionsFor("catalog.products")
			.stream()
			.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
			.toList();
	}

}
