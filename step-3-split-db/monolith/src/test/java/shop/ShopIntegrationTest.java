package shop;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one configuration of every integration test: the whole application on a random port
 * against the embedded PostgreSQL of the infra module, its catalog replica fed from the
 * test JVM's {@link CatalogStream} on a real broker. Every test class extends it
 * unchanged, so Spring starts one application context for all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ShopIntegrationTest {

	/** The products the catalog service seeds. */
	static final int SEED_PRODUCTS = 12;

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ShopClient shop;

	protected static final CatalogStream catalog = CatalogStream.shared();

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.bootstrap-servers", catalog::bootstrapServers);
	}

	@BeforeEach
	void connect() {
		this.shop = new ShopClient(this.port, catalog);
		awaitReplica("the seed products", "select count(*) >= ? from catalog_replica.products", SEED_PRODUCTS);
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

}
