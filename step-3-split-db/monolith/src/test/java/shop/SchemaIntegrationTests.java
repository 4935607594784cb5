package shop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database as the monolith's migrations leave it: one schema per module, each with
 * its own Flyway history, no foreign key from one schema into another, and no catalog
 * schema: that belongs to the catalog service. The catalog module keeps its replica in
 * {@code catalog_replica}.
 */
class SchemaIntegrationTests extends ShopIntegrationTest {

	@Test
	void keepsEachModuleInASchemaWithItsOwnMigrationHistory() {
		for (String schema : new String[] { "catalog_replica", "inventory", "orders", "payments" }) {
			assertThat(count("select count(*) from information_schema.tables where table_schema = ?"
					+ " and table_name = 'flyway_schema_history'", schema))
				.as(schema)
				.isOne();
		}
	}

	@Test
	void leavesTheCatalogSchemaToTheCatalogService() {
		assertThat(count("select count(*) from information_schema.schemata where schema_name = 'catalog'")).isZero();
		assertThat(count("select count(*) from information_schema.schemata where schema_name = 'orders'")).isOne();
	}

	@Test
	void hasNoForeignKeyAcrossSchemas() {
		assertThat(count("""
				select count(*) from information_schema.table_constraints c
				  join information_schema.constraint_column_usage u
				    on u.constraint_name = c.constraint_name and u.constraint_schema = c.constraint_schema
				 where c.constraint_type = 'FOREIGN KEY' and u.table_schema <> c.table_schema
				""")).isZero();
		assertThat(count("select count(*) from information_schema.table_constraints"
				+ " where constraint_type = 'FOREIGN KEY' and table_schema = 'orders'"))
			.as("the check sees foreign keys at all")
			.isPositive();
	}

}
