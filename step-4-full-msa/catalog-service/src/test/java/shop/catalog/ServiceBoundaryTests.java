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

	// The other contexts are services of their own; a copy of their code here would
	// tie their releases to this one.
	static final ArchRule service_holds_only_the_catalog = classes().should()
		.resideInAnyPackage("shop.catalog..", "shop.shared..")
		.as("the catalog service holds only the catalog and shared code");

	// The service owns the schema catalog only; its database role could not reach others.
	static final ArchRule entities_map_only_to_the_catalog_schema = classes().that()
		.areAnnotatedWith(Entity.class)
		.should(mapToTheSchema("catalog"))
		.as("entities map only to the catalog schema");

	// No service depends on another's code: nothing here knows the packages of the order,
	// inventory and payment services, nor a class in the root package shop.
	static final ArchRule service_does_not_depend_on_other_services = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("shop.orders..", "shop.inventory..", "shop.payments..", "shop")
		.as("the catalog service does not depend on other services' code");

	// Change data capture is an adapter: the catalog and its API know nothing of
	// Debezium or Kafka, so the stream could move to Kafka Connect without touching them.
	static final ArchRule debezium_and_kafka_stay_in_the_cdc_adapter = noClasses().that()
		.resideOutsideOfPackage("shop.catalog.cdc..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.debezium..", "org.apache.kafka..")
		.as("Debezium and Kafka types are used only in shop.catalog.cdc");

	// The catalog reaches its data through JPA, as the role catalog_service; a data
	// source or a JdbcTemplate elsewhere would be a way around it. Only the change
	// stream and the logins' configuration name one.
	static final ArchRule only_the_logins_name_a_data_source = noClasses().that()
		.resideOutsideOfPackages("shop.catalog.cdc..", "shop.shared.config..")
		.should()
		.dependOnClassesThat()
		.areAssignableTo(DataSource.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(JdbcTemplate.class)
		.as("only the change stream and the database configuration name a data source");

	@Test
	void keepsDebeziumAndKafkaInTheCdcAdapter() {
		debezium_and_kafka_stay_in_the_cdc_adapter.check(SERVICE);
	}

	@Test
	void reachesItsDataOnlyAsItsRole() {
		only_the_logins_name_a_data_source.check(SERVICE);
	}

	@Test
	void holdsOnlyTheCatalog() {
		service_holds_only_the_catalog.check(SERVICE);
	}

	@Test
	void dependsOnNoOtherServicesCode() {
		service_does_not_depend_on_other_services.check(SERVICE);
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
