package shop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one configuration of every integration test: the whole application on a random port
 * against the embedded PostgreSQL of the infra module, calling the test JVM's
 * {@link FakeCatalogService} for prices and products, as the fake's administrator. Every
 * test class extends it unchanged, so Spring starts one application context for all of
 * them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ShopIntegrationTest {

	@LocalServerPort
	private int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected ShopClient shop;

	protected static final FakeCatalogService catalogService = FakeCatalogService.shared();

	@DynamicPropertySource
	static void catalogService(DynamicPropertyRegistry properties) {
		properties.add("shop.catalog.url", catalogService::url);
		properties.add("shop.catalog.username", () -> FakeCatalogService.USERNAME);
		properties.add("shop.catalog.password", () -> FakeCatalogService.PASSWORD);
	}

	@AfterEach
	void resetCatalogService() {
		catalogService.reset();
	}

	@BeforeEach
	void connect() {
		this.shop = new ShopClient(this.port);
	}

	protected int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

}
