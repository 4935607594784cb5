package shop.catalog;

import javax.sql.DataSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What the catalog service promises as a service of its own: it holds the catalog and
 * nothing of the other contexts, and maps no table outside its schema.
 */
class ServiceBoundaryTests {

	static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("shop");

	// The other contexts stay in the monolith; a copy of their code here would be a
	// second monolith.
	static final ArchRule service_holds_only_the_catalog = classes().should()
		.resideInAnyPackage("shop.catalog..", "shop.shared..")
		.as("the catalog service holds only the catalog and shared code");

	// The service owns the schema catalog only; its database role could not reach others.
	static final ArchRule entities_map_only_to_the_catalog_schema = classes().that()
		.areAnnotatedWith(Entity.class)
		.should(mapToTheSchema("catalog"))
		.as("entities map only to the catalog schema");

	// Neither app depends on the other's code: nothing here knows the monolith's
	// packages.
	static final ArchRule service_does_not_depend_on_the_monolith = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("shop.orders..", "shop.inventory..", "shop.payments..", "shop")
		.as("the catalog service does not depend on the monolith's code");

	// Change data capture is an adapter: the catalog and its API know nothing of
	// Debezium or Kafka, so the stream could move to Kafka Connect without touching them.
	static final ArchRule debezium_and_kafka_stay_in_the_cdc_adapter = noClasses().that()
		.resideOutsideOfPackage("shop.catalog.cdc..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.debezium..", "org.apache.kafka..")
		.as("Debezium and Kafka types are used only in shop.catalog.cdc");

	// The catalog reaches its data through the home the phase chooses (JPA on
	// HomeDataSource); only the migration, the stream and the logins' configuration
	// name a data source, so after phase C nothing else can reach the old home.
	static final ArchRule only_the_migration_names_a_data_source = noClasses().that()
		.resideOutsideOfPackages("shop.catalog.migration..", "shop.catalog.cdc..", "shop.shared.config..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(DataSource.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(JdbcTemplate.class)
		.as("only the migration, the change stream and the database configuration name a data source");

	@Test
	void keepsDebeziumAndKafkaInTheCdcAdapter() {
		debezium_and_kafka_stay_in_the_cdc_adapter.check(SERVICE);
	}

	@Test
	void reachesItsDataOnlyThroughTheHomeTheMigrationChooses() {
		only_the_migration_names_a_data_source.check(SERVICE);
	}

	@Test
	void holdsOnlyTheCatalog() {
		service_holds_only_the_catalog.check(SERVICE);
	}

	@Test
	void dependsOnNoMonolithCode() {
		service_does_not_depend_on_the_monolith.check(SERVICE);
	}

	@Test
	void mapsOnlyTheCatalogSchema() {
		entities_map_only_to_the_catalog_schema.check(SERVICE);
	}

	private static ArchCondition<JavaClass> mapToTheSchema(String schema) {
		return new ArchCondition<>("map to the schema " + schema) {

			@Override
			public void check(JavaClass entity, ConditionEvents events) {
				String mapped = entity.tryGetAnnotationOfType(Table.class).map(Table::schema).orElse("");
				if (!mapped.equals(schema)) {
					events.add(SimpleConditionEvent.violated(entity,
							"%s maps to schema '%s'".formatted(entity.getName(), mapped)));
				}
			}

		};
	}

}
