package shop.catalog;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import shop.catalog.migration.Migration;
import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Phase A: the engine snapshots the old home, then streams it through Kafka, and the
 * copier applies the stream to the catalog's own database, idempotently.
 */
class ChangeDataCaptureIntegrationTests extends CatalogServiceIntegrationTest {

	// every column the two copies share, in a stable order
	static final String ROWS = """
			select id, sku, name, description, price_amount, price_currency, active
			from catalog.products order by id""";

	static final String NEW_PRODUCT = """
			{"sku": "%s", "name": "Tea towel", "price": {"amount": 900, "currency": "USD"}, "active": true}""";

	private static final Log log = LogFactory.getLog(ChangeDataCaptureIntegrationTests.class);

	final PostgresServer postgres = SharedInfrastructure.postgres();

	final JdbcTemplate catalogDatabase = administrator("catalog");

	final JdbcTemplate oldHome = administrator("shop");

	@Autowired
	Migration migration;

	@Test
	void copiesTheOldHomeAndFollowsItsChanges() {
		awaitCopiesAgree();

		String id = json(postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-COPIED"))).path("id").asString();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.catalogDatabase
				.queryForList("select sku, source_lsn from catalog.products where id = ?::uuid", id)).singleElement()
				.satisfies((row) -> assertThat(row.get("source_lsn")).isNotNull()));
		for (int price = 901; price <= 920; price++) {
			send(request("/api/products/" + id).header("Authorization", ADMIN)
				.header("Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers
					.ofString(NEW_PRODUCT.formatted("TOWEL-COPIED").replace("900", String.valueOf(price)))));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.catalogDatabase.queryForObject(
					"select price_amount from catalog.products where id = ?::uuid", Long.class, id) == 920L);
		awaitCopiesAgree();
		JsonNode copier = copier();
		log.info("Commit-to-apply lag over " + copier.path("lagCount").asLong() + " changes: p50 "
				+ copier.path("lagP50Millis").asDouble() + " ms, p99 " + copier.path("lagP99Millis").asDouble()
				+ " ms (histogram bucket bounds)");
	}

	@Test
	void streamsAsALoginOfItsOwnThatIsNoAdministrator() {
		awaitCopiesAgree();

		// the server process that sends the slot's changes runs as the engine's login
		String senders = """
				select a.usename, r.rolsuper, r.rolreplication
				from pg_replication_slots s
				join pg_stat_activity a on a.pid = s.active_pid
				join pg_roles r on r.rolname = a.usename
				where s.database = current_database()""";

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.oldHome.queryForList(senders))
				.containsExactly(Map.of("usename", "catalog_cdc", "rolsuper", false, "rolreplication", true)));
	}

	@Test
	void changesNothingWhenTheStreamIsDeliveredAgain() {
		awaitCopiesAgree();
		List<Map<String, Object>> before = this.catalogDatabase.queryForList(ROWS);
		long skippedBefore = copier().path("skipped").asLong();

		List<ConsumerRecord<String, String>> stream = readTopic();
		publish(stream);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> copier().path("skipped").asLong() >= skippedBefore + stream.size());
		assertThat(this.catalogDatabase.queryForList(ROWS)).isEqualTo(before);
	}

	@Test
	void reportsARowWrittenBehindTheEnginesBack() {
		awaitCopiesAgree();
		String id = this.catalogDatabase.queryForObject(
				"update catalog.products set name = 'Drifted' where sku = 'NOTEBOOK-A5' returning id::text",
				String.class);
		try {
			JsonNode reconciliation = json(get("/actuator/migration")).path("reconciliation");

			assertThat(reconciliation.path("table").asString()).isEqualTo("catalog.products");
			assertThat(reconciliation.path("drifting").asInt()).isOne();
			assertThat(reconciliation.path("drift").get(0).path("id").asString()).isEqualTo(id);
			assertThat(reconciliation.path("drift").get(0).path("problem").asString()).isEqualTo("differs");
		}
		finally {
			this.catalogDatabase.update("update catalog.products set name = 'A5 notebook' where id = ?::uuid", id);
		}
	}

	@Test
	void repairsDriftByReadingTheOldHomeAgainWhileTheStreamGoesOn() {
		awaitCopiesAgree();
		// drift behind the engine's back: a row changed, a row lost, a row the old home
		// never had
		List<String> ids = this.catalogDatabase.queryForList(
				"select id::text from catalog.products where sku not like 'BULK-%' order by sku limit 2", String.class);
		this.catalogDatabase.update("update catalog.products set price_amount = price_amount + 1 where id = ?::uuid",
				ids.get(0));
		this.catalogDatabase.update("delete from catalog.products where id = ?::uuid", ids.get(1));
		this.catalogDatabase.update("insert into catalog.products (id, sku, name, price_amount, price_currency) "
				+ "values (gen_random_uuid(), 'STRAY-1', 'Stray', 100, 'USD')");
		assertThat(json(get("/actuator/migration")).path("reconciliation").path("drifting").asInt()).isEqualTo(3);
		int rows = count(this.oldHome);

		assertThat(
				send(request("/actuator/repair").POST(java.net.http.HttpRequest.BodyPublishers.noBody())).statusCode())
			.isEqualTo(401);
		assertThat(postAsAdmin("/actuator/repair", "{}").statusCode()).isEqualTo(200);
		java.net.http.HttpResponse<String> again = postAsAdmin("/actuator/repair", "{}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(json(again).path("detail").asString()).contains("still running");
		// the stream goes on while the table is read again
		postAsAdmin("/api/products", NEW_PRODUCT.formatted("TOWEL-REPAIRED"));

		await().atMost(Duration.ofSeconds(60))
			.until(() -> "COMPLETED".equals(json(get("/actuator/repair")).path("state").asString()));
		awaitCopiesAgree();
		JsonNode repair = json(get("/actuator/repair"));
		assertThat(repair.path("database").asString()).isEqualTo("shop");
		assertThat(repair.path("removedFromCopy").asInt()).isOne();
		assertThat(repair.path("rowsRead").asLong()).isGreaterThanOrEqualTo(rows);
		log.info("Repair of " + rows + " rows by an incremental snapshot: " + repair.path("tookMillis").asLong()
				+ " ms from the signal to the engine's COMPLETED");
	}

	@Test
	void losesNoRowOfOneCopyWhenTheEngineRestartsInTheMiddle() throws Exception {
		awaitCopiesAgree();
		int rows = 5_000;
		int copiedBefore = count(this.catalogDatabase);

		// one COPY: its rows reach the WAL in multi-row records, sharing LSNs
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < rows; i++) {
			lines.append(UUID.randomUUID())
				.append("\tBULK-")
				.append(UUID.randomUUID().toString(), 0, 13)
				.append("\tBulk item\t\t100\tUSD\tfalse\n");
		}
		try (Connection connection = DriverManager.getConnection(this.postgres.jdbcUrl("shop"),
				this.postgres.username(), this.postgres.password())) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy catalog.products (id, sku, name, description, price_amount, price_currency, active) "
						+ "from stdin", new StringReader(lines.toString()));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> count(this.catalogDatabase) > copiedBefore);
		this.migration.stop();
		int copiedAtStop = count(this.catalogDatabase) - copiedBefore;
		this.migration.start();

		awaitCopiesAgree();
		assertThat(count(this.catalogDatabase)).isEqualTo(count(this.oldHome));
		log.info("COPY of " + rows + " rows: " + copiedAtStop
				+ " were in the catalog database when the engine and the copier were stopped");
	}

	private void awaitCopiesAgree() {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<Map<String, Object>> old = this.oldHome.queryForList(ROWS);
			List<Map<String, Object>> copy = this.catalogDatabase.queryForList(ROWS);
			assertThat(without(copy, old)).as("rows of the copy that the old home does not have").isEmpty();
			assertThat(without(old, copy)).as("rows of the old home that the copy does not have").isEmpty();
		});
	}

	private static List<Map<String, Object>> without(List<Map<String, Object>> rows, List<Map<String, Object>> others) {
		java.util.Set<Map<String, Object>> those = new java.util.HashSet<>(others);
		return rows.stream().filter((row) -> !those.contains(row)).toList();
	}

	private JsonNode copier() {
		return json(get("/actuator/migration")).path("copier");
	}

	private static int count(JdbcTemplate jdbc) {
		Integer count = jdbc.queryForObject("select count(*) from catalog.products", Integer.class);
		return (count != null) ? count : 0;
	}

	private JdbcTemplate administrator(String database) {
		return new JdbcTemplate(new DriverManagerDataSource(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password()));
	}

	private static List<ConsumerRecord<String, String>> readTopic() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
			List<TopicPartition> partitions = consumer.partitionsFor("catalog.products")
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
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

	private static void publish(List<ConsumerRecord<String, String>> records) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
			records
				.forEach((record) -> producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value())));
		}
	}

}
