package workshop.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded PostgreSQL server as every step uses it: shared by the test JVM, ready for
 * change data capture, hosting one database per app.
 */
@WithInfrastructure
class EmbeddedPostgresTests {

	private final PostgresServer postgres;

	EmbeddedPostgresTests(PostgresServer postgres) {
		this.postgres = postgres;
	}

	@Test
	void runsWithLogicalWriteAheadLogForChangeDataCapture() throws SQLException {
		assertThat(show("wal_level")).isEqualTo("logical");
		assertThat(Integer.parseInt(show("max_replication_slots"))).isGreaterThanOrEqualTo(10);
		assertThat(Integer.parseInt(show("max_wal_senders"))).isGreaterThanOrEqualTo(10);
	}

	@Test
	void listensOnLoopbackOnly() throws SQLException {
		assertThat(this.postgres.host()).isEqualTo("127.0.0.1");
		assertThat(show("listen_addresses")).isEqualTo("127.0.0.1");
		assertThat(this.postgres.jdbcUrl("shop"))
			.isEqualTo("jdbc:postgresql://127.0.0.1:" + this.postgres.port() + "/shop");
	}

	@Test
	void hostsSeparateDatabases() throws SQLException {
		this.postgres.createDatabase("catalog_db");
		this.postgres.createDatabase("orders_db");
		execute("catalog_db", "CREATE TABLE IF NOT EXISTS products (sku text PRIMARY KEY)");

		assertThat(tableExists("catalog_db", "products")).isTrue();
		assertThat(tableExists("orders_db", "products")).isFalse();
	}

	@Test
	void createsADatabaseOnceWhenManyThreadsAskAtOnce() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<Void>> creators = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			creators.add(CompletableFuture.runAsync(() -> {
				awaitQuietly(start);
				this.postgres.createDatabase("inventory_db");
			}));
		}
		start.countDown();
		CompletableFuture.allOf(creators.toArray(new CompletableFuture[0])).get();
		this.postgres.createDatabase("inventory_db");

		assertThat(query("postgres", "SELECT count(*) FROM pg_database WHERE datname = 'inventory_db'")).isEqualTo("1");
	}

	@Test
	void rejectsADatabaseNameThatIsNotAPlainIdentifier() {
		assertThatExceptionOfType(InfrastructureException.class)
			.isThrownBy(() -> this.postgres.createDatabase("shop; DROP DATABASE postgres"))
			.withMessageContaining("not a plain identifier")
			.withMessageNotContaining("\n");
	}

	@Test
	void isTheSameServerForTheWholeJvm() {
		assertThat(SharedInfrastructure.postgres()).isSameAs(this.postgres);
	}

	@Test
	void refusesASecondModeInTheSameJvm() {
		assertThatExceptionOfType(InfrastructureException.class)
			.isThrownBy(() -> SharedInfrastructure.postgres(InfraMode.DOCKER))
			.withMessage("The shared PostgreSQL of this JVM already runs in embedded mode, not docker:"
					+ " set workshop.infra to one value for the whole JVM");
	}

	private String show(String setting) throws SQLException {
		return query("postgres", "SHOW " + setting);
	}

	private boolean tableExists(String database, String table) throws SQLException {
		return query(database, "SELECT count(*) FROM pg_tables WHERE tablename = '" + table + "'").equals("1");
	}

	private String query(String database, String sql) throws SQLException {
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private void execute(String database, String sql) throws SQLException {
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password());
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
