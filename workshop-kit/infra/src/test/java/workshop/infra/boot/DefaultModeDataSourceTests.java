package workshop.infra.boot;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An app with the infra module on its classpath and no datasource property gets a working
 * DataSource on the shared embedded server, through the registered auto-configuration.
 */
@SpringBootTest
class DefaultModeDataSourceTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private PostgresServer postgres;

	@Test
	void connectsTheDataSourceToTheShopDatabaseOnTheSharedServer() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);

		assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("shop");
		assertThat(jdbc.queryForObject("SELECT inet_server_port()", Integer.class))
			.isEqualTo(SharedInfrastructure.postgres().port());
		assertThat(jdbc.queryForObject("SHOW wal_level", String.class)).isEqualTo("logical");
	}

	@Test
	void exposesTheSharedServerAsABean() {
		assertThat(this.postgres).isSameAs(SharedInfrastructure.postgres());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
