package workshop.infra.boot;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import workshop.infra.InfrastructureException;
import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration registers in embedded mode, and what it refuses.
 */
class AutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(WorkshopInfraAutoConfiguration.class, DataSourceAutoConfiguration.class));

	@Test
	void connectsToTheDatabaseNamedByTheWorkshopProperty() {
		this.contextRunner.withPropertyValues("workshop.infra.database=orders").run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

			assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo("orders");
		});
	}

	@Test
	void takesPrecedenceOverDatasourcePropertiesOutsideExternalMode() {
		this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere")
			.run((context) -> assertThat(context.getBean(JdbcConnectionDetails.class).getJdbcUrl())
				.isEqualTo(SharedInfrastructure.postgres().jdbcUrl("shop")));
	}

	@Test
	void pointsKafkaClientsAtTheSharedBroker() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
				.containsExactly(SharedInfrastructure.kafka().bootstrapServers()));
	}

	@Test
	void registersNoKafkaDetailsWhenTheAppHasNoSpringKafka() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(KafkaConnectionDetails.class))
			.run((context) -> assertThat(context).hasSingleBean(JdbcConnectionDetails.class)
				.doesNotHaveBean("workshopKafkaConnectionDetails"));
	}

	@Test
	void leavesTheSharedServerRunningWhenAContextCloses() {
		this.contextRunner.run((context) -> assertThat(context.getBean(PostgresServer.class))
			.isSameAs(SharedInfrastructure.postgres()));

		PostgresServer postgres = SharedInfrastructure.postgres();
		this.contextRunner.run((context) -> assertThat(
				new JdbcTemplate(context.getBean(DataSource.class)).queryForObject("SELECT 1", Integer.class))
			.isEqualTo(1));
		assertThat(SharedInfrastructure.postgres()).isSameAs(postgres);
	}

	@Test
	void failsTheContextWithTheValidModesWhenTheModeIsUnknown() {
		this.contextRunner.withPropertyValues("workshop.infra=kubernetes")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InfrastructureException.class)
				.hasMessageContaining("use embedded (the default), docker or external"));
	}

}
