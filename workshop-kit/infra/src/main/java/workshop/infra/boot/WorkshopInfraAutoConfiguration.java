package workshop.infra.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

/**
 * Points Spring Boot's DataSource (and Flyway) and Kafka clients at the JVM's
 * {@link SharedInfrastructure} when {@code workshop.infra} is {@code embedded} (the
 * default) or {@code docker}. It runs before Boot's own auto-configurations, whose
 * property-based connection details then back off. With {@code workshop.infra=external}
 * it registers nothing and {@code spring.datasource.*} and {@code spring.kafka.*} apply
 * as usual.
 *
 * <p>
 * The database is {@code workshop.infra.database} (default {@code shop}), created if
 * missing. Servers start only when a bean needs them: an app without Kafka never starts a
 * broker.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@Conditional(OnManagedInfrastructureCondition.class)
public class WorkshopInfraAutoConfiguration {

	/** The Spring property naming the app's database on the shared server. */
	public static final String DATABASE_PROPERTY = "workshop.infra.database";

	/**
	 * Keeps the shared servers running until this context has closed its connections: the
	 * shutdown hook of {@link SharedInfrastructure} waits for every lease.
	 */
	@Bean(destroyMethod = "close")
	SharedInfrastructure.Lease workshopInfrastructureLease() {
		return SharedInfrastructure.lease();
	}

	/**
	 * The shared server, also for components configured from it (such as Debezium).
	 * Spring must not close it: other contexts of the JVM share it, and the shutdown hook
	 * stops it.
	 */
	@Bean(destroyMethod = "")
	@Lazy
	@ConditionalOnMissingBean
	PostgresServer workshopPostgresServer(Environment environment, SharedInfrastructure.Lease lease) {
		return SharedInfrastructure.postgres(ManagedMode.of(environment));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails")
	static class JdbcConfiguration {

		@Bean
		@ConditionalOnMissingBean(JdbcConnectionDetails.class)
		JdbcConnectionDetails workshopJdbcConnectionDetails(PostgresServer postgres, Environment environment) {
			String database = environment.getProperty(DATABASE_PROPERTY, "shop");
			postgres.createDatabase(database);
			return new SharedPostgresConnectionDetails(postgres, database);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails")
	static class KafkaConfiguration {

		@Bean
		@ConditionalOnMissingBean(KafkaConnectionDetails.class)
		KafkaConnectionDetails workshopKafkaConnectionDetails(Environment environment,
				SharedInfrastructure.Lease lease) {
			return new SharedKafkaConnectionDetails(ManagedMode.of(environment));
		}

	}

}
