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
 * table, and the monolith never calls it. What stays in {@code shop.catalog} is its API
 * for the other modules and the replica ({@code shop.catalog.replica}), an adapter that
 * follows the catalog's change stream: the only code that knows Kafka, and the only code
 * that writes the replica's table.
 */
class CatalogBoundaryTests {

	private static final String REPLICA = "shop.catalog.replica..";

	// The catalog service owns the schema catalog; a monolith that still read it would
	// keep the two tied to one database. The replica is read and written by SQL in its
	// adapter, never through an entity another module could load and change.
	static final ArchRule nothing_maps_a_catalog_table = classes().should(notMapTheSchema("catalog"))
		.andShould(notMapTheSchema("catalog_replica"))
		.as("nothing in the monolith maps a table of catalog or catalog_replica");

	// The catalog's entity, repository and business rules left with the service (which is
	// not a dependency of the monolith): nothing of them may creep back in.
	static final ArchRule catalog_module_holds_its_api_and_the_replica = classes().that()
		.resideInAPackage("shop.catalog..")
		.should(beOneOf(Map.of("shop.catalog", Set.of("package-info", "Catalog", "OrderableProduct", "ProductAdded"),
				"shop.catalog.replica",
				Set.of("package-info", "CatalogChangeFeed", "FeedStatus", "ProductChange", "ProductReplica",
						"ReplicaCatalog", "ReplicaHealth", "ReplicaSettings"))))
		.as("the catalog module holds its API and the replica");

	// No order waits on a call to the catalog service: nothing in the monolith calls it.
	static final ArchRule nothing_calls_the_catalog_service = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web.client..", "org.springframework.web.service..", "org.apache.hc..",
				"java.net.http..")
		.as("nothing calls the catalog service over HTTP");

	// One adapter turns the stream into the replica; the domain never sees a record.
	static final ArchRule only_the_replica_uses_kafka = noClasses().that()
		.resideOutsideOfPackage(REPLICA)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.apache.kafka..")
		.as("only the catalog replica uses Kafka");

	// The domain (orders, inventory, payments, the catalog's API) keeps its data with JPA
	// in its own schema; SQL on a connection, which could write the replica, is the
	// adapter's alone.
	static final ArchRule only_the_replica_runs_sql = noClasses().that()
		.resideOutsideOfPackage(REPLICA)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
		.as("only the catalog replica runs SQL of its own");

	// The replica changes only as the stream says, once per change: only the feed applies
	// changes to it.
	static final ArchRule only_the_feed_writes_the_replica = classes().that()
		.haveFullyQualifiedName("shop.catalog.replica.ProductReplica")
		.should()
		.onlyHaveDependentClassesThat()
		.haveNameMatching("shop\\.catalog\\.replica\\.(CatalogChangeFeed|ProductReplica)(\\$.*)?")
		.as("only the feed writes the replica");

	@Test
	void mapsNoCatalogTable() {
		nothing_maps_a_catalog_table.check(ShopClasses.ALL);
	}

	@Test
	void keepsTheApiAndTheReplicaOnly() {
		catalog_module_holds_its_api_and_the_replica.check(ShopClasses.ALL);
	}

	@Test
	void callsNoCatalogService() {
		nothing_calls_the_catalog_service.check(ShopClasses.ALL);
	}

	@Test
	void confinesKafkaToTheReplica() {
		only_the_replica_uses_kafka.check(ShopClasses.ALL);
	}

	@Test
	void confinesSqlToTheReplica() {
		only_the_replica_runs_sql.check(ShopClasses.ALL);
	}

	@Test
	void letsOnlyTheFeedWriteTheReplica() {
		only_the_feed_writes_the_replica.check(ShopClasses.ALL);
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
