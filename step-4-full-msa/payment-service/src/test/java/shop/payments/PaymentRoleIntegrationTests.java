package shop.payments;

import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The service works as the database role {@code payment_service}, created by its own
 * migrations, which reads and writes the rows of its schema {@code payments} and nothing
 * else in its database, and creates nothing. Only the migrations run as the
 * administrator.
 */
class PaymentRoleIntegrationTests extends PaymentServiceIntegrationTest {

	@Autowired
	@Qualifier("migrationDataSource")
	DataSource administrator;

	@Test
	void worksAsItsOwnRole() {
		assertThat(this.jdbc.queryForObject("select current_user", String.class)).isEqualTo("payment_service");
		assertThat(new JdbcTemplate(this.administrator).queryForObject("select current_user", String.class))
			.isNotEqualTo("payment_service");
	}

	@Test
	void readsAndWritesItsOwnSchema() {
		String key = UUID.randomUUID().toString();
		assertThat(this.jdbc
			.update("insert into payments.processed_messages (topic, message_key) values ('role-test', ?)", key))
			.isOne();
		assertThat(this.jdbc.update("delete from payments.processed_messages where message_key = ?", key)).isOne();
	}

	@Test
	void cannotReadAnotherSchemaOfItsDatabase() {
		// a schema beside the service's own, created as the administrator would create it
		JdbcTemplate admin = new JdbcTemplate(this.administrator);
		admin.execute("create schema if not exists inventory");
		admin.execute("create table if not exists inventory.stock (id uuid primary key)");

		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.queryForObject("select count(*) from inventory.stock", Integer.class))
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

	@Test
	void createsNoTableInItsSchemaNorInPublic() {
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.execute("create table payments.notes (id integer)"))
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(BadSqlGrammarException.class)
			.isThrownBy(() -> this.jdbc.execute("create table public.notes (id integer)"))
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

}
