package shop.shared.config;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two logins to the service's database. The connection the service is given (by
 * {@code ./workshop run}, {@code spring.datasource.*} or the infra module in tests) is
 * the server's administrator: Flyway alone uses it, to create the schemas and the
 * service's role ({@code shop.database.role}). Everything else, JPA, the outbox and the
 * message listeners included, connects as that role, whose grants reach the service's own
 * schemas only, so that a query into anything else fails even by mistake.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseRole {

	/** The administrator's connection, for migrations only; opened when Flyway runs. */
	@Bean
	@FlywayDataSource
	DataSource migrationDataSource(DataSourceProperties properties, ObjectProvider<JdbcConnectionDetails> details) {
		JdbcConnectionDetails given = details.getIfAvailable(() -> fromProperties(properties));
		return DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(given.getJdbcUrl())
			.username(given.getUsername())
			.password(given.getPassword())
			.build();
	}

	/**
	 * The service's own connections: same database, the service's role. Not named
	 * {@code dataSource}, so that Spring Boot does not replace its login with the
	 * administrator's from the connection details. The pool's settings come from
	 * {@code spring.datasource.hikari.*}, as for a pool Spring Boot makes.
	 */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource serviceDataSource(DataSourceProperties properties, ObjectProvider<JdbcConnectionDetails> details,
			ShopProperties shop) {
		JdbcConnectionDetails given = details.getIfAvailable(() -> fromProperties(properties));
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(given.getJdbcUrl())
			.username(shop.database().role())
			.password(shop.database().password())
			.build();
	}

	private static JdbcConnectionDetails fromProperties(DataSourceProperties properties) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return properties.determineUrl();
			}

			@Override
			public String getUsername() {
				return properties.determineUsername();
			}

			@Override
			public String getPassword() {
				return properties.determinePassword();
			}

		};
	}

}
