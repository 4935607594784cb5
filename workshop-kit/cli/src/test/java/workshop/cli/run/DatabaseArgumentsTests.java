package workshop.cli.run;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import workshop.cli.manifest.App;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection settings {@code ./workshop run} gives an app for each database it uses:
 * its {@code database} as {@code spring.datasource.*}, each of its {@code databases}
 * under the prefix the manifest names.
 */
class DatabaseArgumentsTests {

	@Test
	void passesEachDatabaseUnderItsPropertyPrefix() {
		App app = new App("catalog-service", "catalog-service", "Main", 8082, "shop", "/ready", List.of(), Map.of(),
				List.of(), Map.of("catalog", "shop.catalog.database"));

		List<String> arguments = StepInfrastructure.databaseArguments(app,
				(database) -> "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "secret");

		assertThat(arguments).containsExactly("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/shop",
				"--spring.datasource.username=postgres", "--spring.datasource.password=secret",
				"--shop.catalog.database.url=jdbc:postgresql://127.0.0.1:5432/catalog",
				"--shop.catalog.database.username=postgres", "--shop.catalog.database.password=secret");
	}

	@Test
	void passesNothingForAnAppWithoutADatabase() {
		App gateway = new App("gateway", "gateway", "Main", 8080, null, "/ready", List.of(), Map.of(), List.of());

		assertThat(StepInfrastructure.databaseArguments(gateway, (database) -> "unused", "postgres", "secret"))
			.isEmpty();
	}

}
