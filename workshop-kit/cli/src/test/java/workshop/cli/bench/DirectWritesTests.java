package workshop.cli.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import workshop.infra.DataFolder;
import workshop.infra.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's writes straight into a database, on a real embedded PostgreSQL: the rate
 * times the duration, each its own committed transaction, and a write that changes no row
 * counted as an error with its cause.
 */
class DirectWritesTests {

	@Test
	void sendsTheRateTimesTheDurationAndNamesTheWritesThatChangedNothing() throws Exception {
		try (DataFolder folder = DataFolder.temporary("postgres");
				EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(folder, 0)) {
			postgres.createDatabase("catalog");
			StreamedDatabase database = new StreamedDatabase(postgres.jdbcUrl("catalog"), "catalog");
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("create table products (id int primary key, price int not null)");
				statement.execute("insert into products select g, 0 from generate_series(0, 3) g");
				// every fifth write names product 4, which is not there
				DirectWrites writes = new DirectWrites(database, "update products set price = price + 1 where id = ?",
						(update, n) -> update.setInt(1, (int) (n % 5)));

				LoadResult result = writes.run(200, Duration.ofMillis(500));

				assertThat(result.latencies().getTotalCount()).isEqualTo(80);
				assertThat(result.errorsAndCauses()).isEqualTo("20 (no row changed x20)");
				assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(490));
				try (ResultSet changed = statement.executeQuery("select sum(price) from products")) {
					changed.next();
					assertThat(changed.getInt(1)).isEqualTo(80);
				}
			}
		}
	}

}
