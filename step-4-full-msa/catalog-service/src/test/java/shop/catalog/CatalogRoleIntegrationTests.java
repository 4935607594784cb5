package shop.catalog;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The service works as the database role {@code catalog_service}, created by its own
 * migration, which reaches the schema {@code catalog} and nothing else in its database.
 * Only the migrations run as the administrator.
 */
class CatalogRoleIntegrationTests extends CatalogServiceIntegrationTest {

	@Autowired
	@Qualifier("migrationDataSource")
	DataSource administrator;

	@Test
	void worksAsItsOwnRole() {
		assertThat(this.jdbc.queryForObject("select current_user", String.class)).isEqualTo("catalog_service");
		assertThat(new JdbcTemplate(this.administrator).queryForObject("select current_user", String.class))
			.isNotEqualTo("catalog_service");
	}

	@Test
	void readsAndWritesTheCatalogSchema() {
		assertThat(this.jdbc.update("update catalog.products set name = name where sku = 'MUG-CLASSIC'")).isOne();
	}

	@Test
	void cannotReadAnotherSchemaOfTheSameDatabase() {
		// a schema beside the catalog in the same database, created as the
		// administrator would create it
		JdbcTemplate admin = new JdbcTemplate(this.administrator);
		admin.execute("create schema if not exists inventory");
		admin.execute("create table if not exists inventory.stock (sku varchar(40) primary key)");

		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.queryForObject("select count(*) from inventory.stock", Integer.class))
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

	@Test
	void cannotCreateSchemas() {
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.execute("create schema catalog_copy"))
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

}
