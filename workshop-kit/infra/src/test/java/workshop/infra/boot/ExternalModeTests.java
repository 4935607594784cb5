package workshop.infra.boot;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import workshop.infra.InfraMode;
import workshop.infra.Infrastructure;
import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code workshop.infra=external} the user's own server, given by the usual Spring
 * Boot properties, is used, and the auto-configuration registers nothing.
 */
class ExternalModeTests {

	/** Stands for the user's own server: started here, not shared. */
	private static PostgresServer usersServer;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WorkshopInfraAutoConfiguration.class,
				DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class))
		.withPropertyValues("workshop.infra=external");

	@BeforeAll
	static void startUsersServer() {
		usersServer = Infrastructure.startPostgres(InfraMode.EMBEDDED);
		usersServer.createDatabase("users_shop");
	}

	@AfterAll
	static void stopUsersServer() {
		usersServer.close();
	}

	@Test
	void connectsTheDataSourceToTheConfiguredUrl() {
		withUsersServer().run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("users_shop");
			assertThat(jdbc.queryForObject("SELECT inet_server_port()", Integer.class)).isEqualTo(usersServer.port());
		});
	}

	private ApplicationContextRunner withUsersServer() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=" + usersServer.jdbcUrl("users_shop"),
				"spring.datasource.username=" + usersServer.username(),
				"spring.datasource.password=" + usersServer.password());
	}

	@Test
	void registersNothing() {
		withUsersServer().withPropertyValues("spring.kafka.bootstrap-servers=broker.example:9092").run((context) -> {
			assertThat(context).doesNotHaveBean(PostgresServer.class)
				.doesNotHaveBean(SharedInfrastructure.Lease.class)
				.doesNotHaveBean(SharedPostgresConnectionDetails.class)
				.doesNotHaveBean(SharedKafkaConnectionDetails.class);
			assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly("broker.example:9092");
		});
	}

}
