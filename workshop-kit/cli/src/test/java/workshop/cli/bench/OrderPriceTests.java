package workshop.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import workshop.cli.bench.OrderPrice.Counters;
import workshop.infra.DataFolder;
import workshop.infra.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters of {@link OrderPrice} on a real embedded PostgreSQL: the transactions and
 * statements of the shop's database, not those of the connection that reads them.
 */
class OrderPriceTests {

	@Test
	void countsTheTransactionsAndStatementsOfTheShopsDatabase() throws Exception {
		try (DataFolder folder = DataFolder.temporary("postgres");
				EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(folder, 0)) {
			postgres.createDatabase("shop");
			ProcessHandle postmaster = ProcessHandle.of(postgres.pid()).orElseThrow();
			try (Connection monitor = connect(postgres, "postgres"); Connection shop = connect(postgres, "shop")) {
				OrderPrice.countStatements(monitor);
				execute(shop, "create table orders (id int primary key)");
				OrderPrice.settle(monitor, List.of("shop"));
				Counters before = Counters.read(monitor, List.of("shop"), List.of(), postmaster);

				shop.setAutoCommit(false);
				for (int order = 0; order < 5; order++) {
					execute(shop, "insert into orders values (" + order + ")");
					execute(shop, "select count(*) from orders");
					shop.commit();
				}
				OrderPrice.settle(monitor, List.of("shop"));
				Counters cost = Counters.read(monitor, List.of("shop"), List.of(), postmaster).minus(before);

				assertThat(cost.transactions()).isEqualTo(5);
				assertThat(cost.statements()).isEqualTo(10);
				assertThat(cost.transactionControl()).as("at least a COMMIT per transaction").isBetween(5L, 10L);
				assertThat(cost.postgresCpuNanos()).isPositive();
				assertThat(cost.appCpuNanos()).isZero();
			}
		}
	}

	private static Connection connect(EmbeddedPostgresServer postgres, String database) throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
