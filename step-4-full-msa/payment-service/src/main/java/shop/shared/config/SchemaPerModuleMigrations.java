package shop.shared.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One database schema per module, each migrated by its own Flyway with its own history
 * table: the migrations of module {@code orders} live in {@code db/migration/orders} and
 * create tables in the schema {@code orders} only. Since no foreign key crosses a schema,
 * the order in which the modules migrate does not matter, and a module can later take its
 * schema and its migrations to a database of its own.
 */
@Configuration(proxyBeanMethods = false)
public class SchemaPerModuleMigrations {

	static final String MIGRATIONS = "db/migration/";

	@Bean
	FlywayMigrationStrategy migrateEachModuleSchema() {
		return (flyway) -> {
			for (String schema : moduleSchemas()) {
				Flyway.configure(flyway.getConfiguration().getClassLoader())
					.configuration(flyway.getConfiguration())
					.schemas(schema)
					.defaultSchema(schema)
					.locations("classpath:" + MIGRATIONS + schema)
					.load()
					.migrate();
			}
		};
	}

	/**
	 * The folders under {@code db/migration}, one per module that keeps data.
	 * @return the schema names, sorted, never null
	 */
	static Set<String> moduleSchemas() {
		try {
			Set<String> schemas = new TreeSet<>();
			for (Resource first : new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + MIGRATIONS + "*/V1__*.sql")) {
				String path = first.getURL().toString();
				String folder = path.substring(0, path.lastIndexOf('/'));
				schemas.add(folder.substring(folder.lastIndexOf('/') + 1));
			}
			return schemas;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the migrations under " + MIGRATIONS, ex);
		}
	}

}
