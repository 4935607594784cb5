package shop.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phases on a service of their own, with databases, topic, slots and consumer group
 * of their own, so the other tests stay in phase A: the cutover under concurrent writes
 * through the HTTP API, a restart in phase B, phase C and a restart in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationPhasesIntegrationTests {

	private static final Log log = LogFactory.getLog(MigrationPhasesIntegrationTests.class);

	static final String PRODUCT = """
			{"sku": "%s", "name": "%s", "price": {"amount": %d, "currency": "USD"}, "active": true}""";

	final PostgresServer postgres = SharedInfrastructure.postgres();

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	ConfigurableApplicationContext service;

	int port;

	@BeforeAll
	void startService() {
		this.postgres.createDatabase("phases_shop");
		this.postgres.createDatabase("phases_catalog");
		long started = System.nanoTime();
		start();
		long running = System.nanoTime();
		await(() -> status().path("reconciliation").path("drifting").asInt(-1) == 0
				&& status().path("reconciliation").path("ownDatabase").asInt() == 12);
		log.info("Service started in " + Duration.ofNanos(running - started).toMillis() + " ms; the seed data was "
				+ "copied to the catalog database " + Duration.ofNanos(System.nanoTime() - running).toMillis()
				+ " ms later (engine start, snapshot, Kafka, apply)");
	}

	@AfterAll
	void stopService() {
		this.service.close();
	}

	@Test
	@Order(1)
	void refusesAPhaseOutOfOrderWithAProblem() {
		HttpResponse<String> skipping = advance("C", CatalogServiceIntegrationTest.ADMIN);
		HttpResponse<String> anonymous = advance("B", null);

		assertThat(skipping.statusCode()).isEqualTo(409);
		assertThat(skipping.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(read(skipping).path("type").asString())
			.isEqualTo("https://workshop.example/problems/migration-refused");
		assertThat(read(skipping).path("detail").asString()).contains("the next is B");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(status().path("phase").asString()).isEqualTo("A");
	}

	@Test
	@Order(2)
	void refusesTheCutoverWhileARowDriftsAndStaysInPhaseA() {
		JdbcTemplate catalog = administrator("phases_catalog");
		catalog.update("update catalog.products set price_amount = 1 where sku = 'MUG-CLASSIC'");
		try {
			HttpResponse<String> refused = advance("B", CatalogServiceIntegrationTest.ADMIN);

			assertThat(refused.statusCode()).isEqualTo(409);
			assertThat(read(refused).path("detail").asString()).contains("disagree on 1 of 12 rows");
			assertThat(status().path("phase").asString()).isEqualTo("A");
			assertThat(status().path("copier").path("running").asBoolean()).isTrue();
		}
		finally {
			catalog.update("update catalog.products set price_amount = 1250 where sku = 'MUG-CLASSIC'");
		}
	}

	@Test
	@Order(3)
	void cutsOverWhileAdministratorsWriteWithoutAFailedOrLostWrite() throws Exception {
		AtomicBoolean writing = new AtomicBoolean(true);
		Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
		Map<String, Long> lastPrices = new ConcurrentHashMap<>();
		ExecutorService writers = Executors.newFixedThreadPool(3);
		for (int writer = 0; writer < 3; writer++) {
			int w = writer;
			writers.execute(() -> write(w, writing, statuses, lastPrices));
		}
		await(() -> statuses.size() >= 20);

		HttpResponse<String> cutover = advance("B", CatalogServiceIntegrationTest.ADMIN);
		int beforeResume = statuses.size();
		await(() -> statuses.size() >= beforeResume + 30);
		writing.set(false);
		writers.shutdown();
		assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

		assertThat(cutover.statusCode()).as(cutover.body()).isEqualTo(200);
		assertThat(read(cutover).path("phase").asString()).isEqualTo("B");
		assertThat(statuses).isNotEmpty().allMatch((status) -> status == 200 || status == 201);
		JdbcTemplate catalog = administrator("phases_catalog");
		lastPrices
			.forEach((sku,
					price) -> assertThat(catalog
						.queryForObject("select price_amount from catalog.products where sku = ?", Long.class, sku))
						.as(sku)
						.isEqualTo(price));
		assertThat(catalog.queryForObject("select phase from catalog.migration_phase", String.class)).isEqualTo("B");
		log.info("Cutover under " + statuses.size() + " writes: writes paused "
				+ read(cutover).path("cutover").path("pausedMillis").asLong() + " ms");
	}

	@Test
	@Order(4)
	void servesAndStreamsFromItsOwnDatabaseAfterARestartInPhaseB() {
		this.service.close();
		start();

		JsonNode status = status();
		assertThat(status.path("phase").asString()).isEqualTo("B");
		assertThat(status.path("stream").path("database").asString()).isEqualTo("phases_catalog");
		HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/products"))
			.header("Authorization", CatalogServiceIntegrationTest.ADMIN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(PRODUCT.formatted("AFTER-RESTART", "Kept", 700))));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(administrator("phases_catalog")
			.queryForObject("select count(*) from catalog.products where sku = 'AFTER-RESTART'", Integer.class))
			.isOne();
	}

	@Test
	@Order(5)
	void dropsTheOldTablesItsSlotAndItsPublicationInPhaseC() {
		HttpResponse<String> retired = advance("C", CatalogServiceIntegrationTest.ADMIN);

		assertThat(retired.statusCode()).as(retired.body()).isEqualTo(200);
		JdbcTemplate server = administrator("postgres");
		assertThat(server.queryForObject("select count(*) from pg_replication_slots where database = 'phases_shop'",
				Integer.class))
			.isZero();
		JdbcTemplate oldHome = administrator("phases_shop");
		assertThat(oldHome.queryForObject("select to_regclass('catalog.products') is null", Boolean.class)).isTrue();
		assertThat(oldHome.queryForObject("select count(*) from pg_publication", Integer.class)).isZero();
		assertThat(send(HttpRequest.newBuilder(uri("/api/products"))).statusCode()).isEqualTo(200);
		assertThat(status().path("phase").asString()).isEqualTo("C");
	}

	@Test
	@Order(6)
	void comesBackInPhaseCWithoutTheOldTables() {
		this.service.close();
		start();

		assertThat(status().path("phase").asString()).isEqualTo("C");
		assertThat(send(HttpRequest.newBuilder(uri("/api/products?sku=AFTER-RESTART"))).body()).contains("Kept");
	}

	@Test
	@Order(7)
	void repairsFromItsOwnDatabaseInPhaseC() {
		int rows = administrator("phases_catalog").queryForObject("select count(*) from catalog.products",
				Integer.class);

		HttpResponse<String> asked = send(HttpRequest.newBuilder(uri("/actuator/repair"))
			.header("Authorization", CatalogServiceIntegrationTest.ADMIN)
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
		await(() -> "COMPLETED"
			.equals(read(send(HttpRequest.newBuilder(uri("/actuator/repair")))).path("state").asString()));
		JsonNode repair = read(send(HttpRequest.newBuilder(uri("/actuator/repair"))));
		assertThat(repair.path("database").asString()).isEqualTo("phases_catalog");
		assertThat(repair.path("rowsRead").asLong()).isGreaterThanOrEqualTo(rows);
		assertThat(repair.path("removedFromCopy").asInt()).isZero();
	}

	private void write(int writer, AtomicBoolean writing, Queue<Integer> statuses, Map<String, Long> lastPrices) {
		int round = 0;
		while (writing.get()) {
			String sku = "CUT-" + writer + "-" + round++;
			HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/products"))
				.header("Authorization", CatalogServiceIntegrationTest.ADMIN)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(PRODUCT.formatted(sku, "Cut", 100))));
			statuses.add(created.statusCode());
			if (created.statusCode() != 201) {
				continue;
			}
			String id = read(created).path("id").asString();
			HttpResponse<String> updated = send(HttpRequest.newBuilder(uri("/api/products/" + id))
				.header("Authorization", CatalogServiceIntegrationTest.ADMIN)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(PRODUCT.formatted(sku, "Cut", 200 + round))));
			statuses.add(updated.statusCode());
			lastPrices.put(sku, (updated.statusCode() == 200) ? 200L + round : 100L);
		}
	}

	private void start() {
		String shop = this.postgres.jdbcUrl("phases_shop");
		String catalog = this.postgres.jdbcUrl("phases_catalog");
		this.service = new SpringApplicationBuilder(CatalogServiceApplication.class).run("--server.port=0",
				"--spring.jmx.enabled=false", "--workshop.infra=external", "--spring.datasource.url=" + shop,
				"--spring.datasource.username=" + this.postgres.username(),
				"--spring.datasource.password=" + this.postgres.password(), "--shop.catalog.database.url=" + catalog,
				"--shop.catalog.database.username=" + this.postgres.username(),
				"--shop.catalog.database.password=" + this.postgres.password(),
				"--spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
				"--shop.cdc.name=phases", "--shop.cdc.topic=phases.catalog.products",
				"--shop.cdc.offsets-topic=phases.cdc-offsets", "--shop.cdc.copy-group=phases-copy",
				// no monolith here: a write waits for no subscriber
				"--shop.cdc.synchronous-subscribers=");
		this.port = ((WebServerApplicationContext) this.service).getWebServer().getPort();
	}

	private HttpResponse<String> advance(String phase, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/actuator/migration"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"phase\":\"" + phase + "\"}"));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private JsonNode status() {
		return read(send(HttpRequest.newBuilder(uri("/actuator/migration"))));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException("The catalog service did not answer", ex);
		}
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private JdbcTemplate administrator(String database) {
		return new JdbcTemplate(new DriverManagerDataSource(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password()));
	}

	private static void await(java.util.concurrent.Callable<Boolean> condition) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(condition);
	}

}
