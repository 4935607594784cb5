package shop.catalog.migration;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import shop.catalog.cdc.CdcProperties;
import shop.catalog.cdc.ChangeStreams;
import shop.catalog.cdc.SubscribersWait;
import shop.catalog.cdc.DatabaseLogin;
import shop.catalog.cdc.ProductCopy;
import shop.shared.config.ShopProperties;

/**
 * The catalog's two databases and the migration between them. The old home is
 * {@code spring.datasource.*} (see {@code DatabaseRole}); the catalog's own database is
 * {@code shop.catalog.database.*}, migrated here at start by its own Flyway history. The
 * service's repositories use {@link HomeDataSource}, which the phase points at one of
 * them.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

	/** The catalog's own database, as the service's role, after its migrations ran. */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource catalogDatabaseDataSource(CatalogDatabaseProperties catalog, ShopProperties shop,
			CdcProperties cdc) {
		Flyway.configure()
			.dataSource(catalog.url(), catalog.username(), catalog.password())
			.schemas("catalog")
			.defaultSchema("catalog")
			.locations("classpath:db/migration/catalog-database")
			.placeholders(rolePasswords(shop, cdc))
			.load()
			.migrate();
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(catalog.url())
			.username(shop.database().role())
			.password(shop.database().password())
			.build();
	}

	@Bean
	PhaseStore phaseStore(@Qualifier("catalogDatabaseDataSource") DataSource catalogDatabase) {
		return new PhaseStore(catalogDatabase);
	}

	@Bean
	@Primary
	HomeDataSource homeDataSource(@Qualifier("catalogServiceDataSource") DataSource oldHome,
			@Qualifier("catalogDatabaseDataSource") DataSource catalogDatabase, PhaseStore phases) {
		return new HomeDataSource(oldHome, catalogDatabase, phases.read());
	}

	@Bean
	ChangeStreams changeStreams(CdcProperties cdc) {
		return new ChangeStreams(cdc);
	}

	@Bean
	SubscribersWait subscribersWait(ChangeStreams streams) {
		return streams.subscribersWait();
	}

	@Bean
	Migration migration(CatalogDatabaseProperties catalog, DataSourceProperties oldHome,
			ObjectProvider<JdbcConnectionDetails> given, @Qualifier("migrationDataSource") DataSource administrator,
			@Qualifier("catalogServiceDataSource") DataSource oldHomeAsRole,
			@Qualifier("catalogDatabaseDataSource") DataSource catalogDatabase, HomeDataSource home, PhaseStore phases,
			WriteGate gate, ChangeStreams streams, MeterRegistry meters, ShopProperties shop, CdcProperties cdc) {
		JdbcConnectionDetails old = given.getIfAvailable();
		DatabaseLogin oldLogin = (old != null)
				? new DatabaseLogin(old.getJdbcUrl(), old.getUsername(), old.getPassword())
				: new DatabaseLogin(oldHome.determineUrl(), oldHome.determineUsername(), oldHome.determinePassword());
		Flyway retirement = Flyway.configure()
			.dataSource(administrator)
			.schemas("catalog")
			.defaultSchema("catalog")
			.locations("classpath:db/migration/catalog", "classpath:db/migration/catalog-retired")
			.placeholders(rolePasswords(shop, cdc))
			.load();
		return new Migration(oldLogin, catalog.login(), retirement, home, phases, gate,
				new Reconciliation(oldHomeAsRole, catalogDatabase), streams, new ProductCopy(catalogDatabase, meters));
	}

	@Bean
	MigrationEndpoint migrationEndpoint(Migration migration) {
		return new MigrationEndpoint(migration);
	}

	@Bean
	RepairEndpoint repairEndpoint(Migration migration) {
		return new RepairEndpoint(migration);
	}

	/**
	 * The passwords the migrations that create the service's and the engine's roles use.
	 */
	private static Map<String, String> rolePasswords(ShopProperties shop, CdcProperties cdc) {
		return Map.of("catalog-role-password", shop.database().password(), "cdc-role-password", cdc.password());
	}

}
