package shop;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import shop.orders.OrderServiceApplication;

/**
 * The one configuration of every integration test: the whole order service on a random
 * port against the embedded PostgreSQL of the infra module, its catalog replica fed from
 * the test JVM's {@link CatalogStream} on a real broker, and the inventory and payment
 * services played by the test ({@link PlayedServices}) on the same broker. Every test
 * class extends it unchanged, so Spring starts one application context for all of them.
 */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "shop.messaging.resubmit-after=PT2S")
@Import(ShopIntegrationTest.TestBrokerConnection.class)
abstract class ShopIntegrationTest {

	/** The products the catalog service seeds. */
	static final int SEED_PRODUCTS = 12;

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ShopClient shop;

	protected static final CatalogStream catalog = CatalogStream.shared();

	protected static final PlayedServices services = PlayedServices.shared(catalog.bootstrapServers());

	@DynamicPropertySource
	static void brokerAndGatewayKey(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.bootstrap-servers", catalog::bootstrapServers);
		// no gateway: the tests sign its tokens with a key of their own
		properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				GatewayTokens::publicKeyLocation);
	}

	@BeforeEach
	void connect() {
		this.shop = new ShopClient(this.port, catalog);
		awaitReplica("the seed products", "select count(*) >= ? from catalog_replica.products", SEED_PRODUCTS);
	}

	/**
	 * Sells a product of a new SKU, so that each test owns what it orders.
	 * @param cents the price in US cents
	 * @return the SKU, in the replica
	 */
	protected String newProduct(long cents) {
		String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		sell(sku, cents);
		return sku;
	}

	/**
	 * Sells a product on the catalog's change stream, or changes its price, and waits
	 * until the replica has applied the change.
	 * @param sku the SKU
	 * @param cents the price in US cents
	 */
	protected void sell(String sku, long cents) {
		long lsn = catalog.sell(sku, cents);
		awaitApplied(sku, lsn);
	}

	/**
	 * Waits until the replica's row of a SKU has applied the change at {@code lsn}.
	 * @param sku the SKU
	 * @param lsn the change's LSN
	 */
	protected void awaitApplied(String sku, long lsn) {
		awaitReplica(sku + " at LSN " + lsn,
				"select count(*) > 0 from catalog_replica.products where sku = ? and source_lsn >= ?", sku, lsn);
	}

	private void awaitReplica(String what, String sql, Object... arguments) {
		Awaitility.await("the replica to have " + what)
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> Boolean.TRUE.equals(this.jdbc.queryForObject(sql, Boolean.class, arguments)));
	}

	protected int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

	/**
	 * Spring's Kafka clients (listeners, the outbox's sends) on the test JVM's broker
	 * too, where the test plays the other services, rather than on the infra module's
	 * shared one.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestBrokerConnection {

		@Bean
		KafkaConnectionDetails testBrokerConnection() {
			return () -> List.of(catalog.bootstrapServers());
		}

	}

}
