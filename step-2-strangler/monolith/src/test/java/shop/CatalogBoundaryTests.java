package shop;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * What step 2 promises about the catalog: it left the monolith with its table. What stays
 * in {@code shop.catalog} is the client of the catalog service and the records it answers
 * with; nothing maps a catalog table, and no code of the catalog service is on the
 * monolith's class path.
 */
class CatalogBoundaryTests {

	// The catalog service owns the schema catalog; a monolith that still read it would
	// keep the two tied to one database.
	static final ArchRule nothing_maps_a_catalog_table = classes().should(notMapTheSchema("catalog"))
		.as("nothing in the monolith maps a catalog table");

	// Only the client stays behind: the catalog's entities, services and controllers
	// left with the service (and the service is not a dependency of the monolith).
	static final ArchRule catalog_module_holds_only_the_client = classes().that()
		.resideInAPackage("shop.catalog..")
		.should()
		.haveSimpleNameStartingWith("Catalog")
		.orShould()
		.haveSimpleName("OrderableProduct")
		.orShould()
		.haveSimpleName("package-info")
		.as("the catalog module holds only the catalog service's client");

	// The client talks HTTP, never to the database.
	static final ArchRule catalog_module_uses_no_persistence = noClasses().that()
		.resideInAPackage("shop.catalog..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.persistence..", "org.springframework.data..", "org.springframework.jdbc..")
		.as("the catalog module uses no persistence");

	@Test
	void mapsNoCatalogTable() {
		nothing_maps_a_catalog_table.check(ShopClasses.ALL);
	}

	@Test
	void keepsOnlyTheCatalogClient() {
		catalog_module_holds_only_the_client.check(ShopClasses.ALL);
	}

	@Test
	void reachesTheCatalogOnlyOverHttp() {
		catalog_module_uses_no_persistence.check(ShopClasses.ALL);
	}

	private static ArchCondition<JavaClass> notMapTheSchema(String schema) {
		return new ArchCondition<>("not map the schema " + schema) {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				type.tryGetAnnotationOfType(Table.class)
					.filter((table) -> table.schema().equals(schema))
					.ifPresent((table) -> events.add(SimpleConditionEvent.violated(type,
							"%s maps the table %s.%s".formatted(type.getName(), schema, table.name()))));
			}

		};
	}

}
