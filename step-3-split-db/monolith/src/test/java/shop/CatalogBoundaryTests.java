package shop;

import java.util.Map;
import java.util.Set;

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
 * What the monolith promises about the catalog: it lives in the catalog service, with its
 * table. What stays in {@code shop.catalog} is its API for the other modules, the client
 * of the catalog service, and the product API as a facade over that client, for the
 * clients the gateway still sends here; nothing maps a catalog table, and no code of the
 * catalog service is on the monolith's class path.
 */
class CatalogBoundaryTests {

	// The catalog service owns the schema catalog; a monolith that still read it would
	// keep the two tied to one database.
	static final ArchRule nothing_maps_a_catalog_table = classes().should(notMapTheSchema("catalog"))
		.as("nothing in the monolith maps a catalog table");

	// The catalog's entity, repository and business rules left with the service (which is
	// not a dependency of the monolith): nothing of them may creep back in.
	static final ArchRule catalog_module_holds_its_api_the_client_and_the_facade = classes().that()
		.resideInAPackage("shop.catalog..")
		.should(beOneOf(Map.of("shop.catalog",
				Set.of("package-info", "Catalog", "OrderableProduct", "CatalogUnavailableException"),
				"shop.catalog.internal",
				Set.of("CatalogClient", "CatalogService", "CatalogConnections", "CatalogProblemException",
						"ProductService", "Product", "ProductDetails"),
				"shop.catalog.web",
				Set.of("ProductController", "ProductRequest", "ProductResponse", "CatalogProblems"))))
		.as("the catalog module holds its API, the catalog service's client and the product API's facade");

	// Timeouts, retries and the admin login live in one place; anything else calling the
	// service would go around them.
	static final ArchRule only_the_client_calls_the_catalog_service = noClasses().that()
		.doNotHaveSimpleName("CatalogClient")
		.and()
		.doNotHaveSimpleName("CatalogConnections")
		.and()
		.doNotHaveSimpleName("CatalogService")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web.client..", "org.springframework.web.service..", "org.apache.hc..",
				"java.net.http..")
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("shop.catalog.internal.CatalogService")
		.as("only the catalog client calls the catalog service");

	// The client and the facade talk HTTP, never to the database.
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
	void keepsTheApiTheClientAndTheFacadeOnly() {
		catalog_module_holds_its_api_the_client_and_the_facade.check(ShopClasses.ALL);
	}

	@Test
	void callsTheCatalogServiceThroughTheClientOnly() {
		only_the_client_calls_the_catalog_service.check(ShopClasses.ALL);
	}

	@Test
	void reachesTheCatalogOnlyOverHttp() {
		catalog_module_uses_no_persistence.check(ShopClasses.ALL);
	}

	/**
	 * Top-level classes named in the list of their package; nested classes go with the
	 * class they are in.
	 */
	private static ArchCondition<JavaClass> beOneOf(Map<String, Set<String>> namesByPackage) {
		return new ArchCondition<>("be one of " + namesByPackage) {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Set<String> names = namesByPackage.getOrDefault(type.getPackageName(), Set.of());
				if (type.isTopLevelClass() && !names.contains(type.getSimpleName())) {
					events.add(SimpleConditionEvent.violated(type,
							"%s is not one of %s".formatted(type.getName(), names)));
				}
			}

		};
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
