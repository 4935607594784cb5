package workshop.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.infra.DataFolder;
import workshop.infra.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The counters of {@link OrderPrice} on a real embedded PostgreSQL: the transactions and
 * statements of the shop's database, not those of the connection that reads them, and not
 * those the shop commits on its own, left alone.
 */
class OrderPriceTests {

	private static final List<String> SHOP = List.of("shop");

	private DataFolder folder;

	private EmbeddedPostgresServer postgres;

	private Map<String, ProcessHandle> processes;

	private Connection monitor;

	private Connection shop;

	@BeforeEach
	void startPostgres() throws Exception {
		this.folder = DataFolder.temporary("postgres");
		this.postgres = EmbeddedPostgresServer.start(this.folder, 0);
		this.postgres.createDatabase("shop");
		this.processes = Map.of("PostgreSQL", ProcessHandle.of(this.postgres.pid()).orElseThrow());
		this.monitor = connect("postgres");
		this.shop = connect("shop");
		OrderPrice.countStatements(this.monitor);
		execute(this.shop, "create table orders (id int primary key)");
	}

	@AfterEach
	void stopPostgres() throws Exception {
		this.shop.close();
		this.monitor.close();
		this.postgres.close();
		this.folder.close();
	}

	@Test
	void countsTheTransactionsAndStatementsOfTheShopsDatabase() throws Exception {
		OrderPrice.settle(this.monitor, SHOP);
		ShopCounters before = read();

		placeFiveOrders();
		OrderPrice.settle(this.monitor, SHOP);
		ShopCounters.Spent cost = read().since(before);

		assertThat(cost.transactions()).isEqualTo(5);
		assertThat(cost.statements()).isEqualTo(10);
		assertThat(cost.transactionControl()).as("at least a COMMIT per transaction").isBetween(5.0, 10.0);
	}

	/**
	 * Each process's CPU in its own row: a busy loop of this thread in the bench's, not
	 * in the shop's; a query that keeps a PostgreSQL backend busy in PostgreSQL's, not in
	 * the bench's. The operating system counts CPU time in ticks of 10 ms, so each side
	 * spends a few hundred.
	 */
	@Test
	void countsEachProcesssCpuInItsOwnRow() throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		ShopCounters before = read();
		long threadBefore = threads.getCurrentThreadCpuTime();
		long spin = System.nanoTime() + Duration.ofMillis(300).toNanos();
		long sum = 0;
		while (System.nanoTime() < spin) {
			sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
		}
		long burnt = threads.getCurrentThreadCpuTime() - threadBefore;
		ShopCounters afterLoop = read();
		execute(this.monitor, "select count(*) from generate_series(1, 5000000)");
		ShopCounters.Spent loop = afterLoop.since(before);
		ShopCounters.Spent query = read().since(afterLoop);

		assertThat(sum).isNotNegative();
		assertThat(burnt).as("this thread's busy loop").isGreaterThan(Duration.ofMillis(100).toNanos());
		assertThat(loop.benchCpuNanos()).as("the bench's JVM, with the busy loop").isGreaterThanOrEqualTo(burnt * 0.9);
		assertThat(loop.cpuNanosTotal()).as("the shop's processes, without it").isLessThan(burnt * 0.5);
		assertThat(query.cpuNanos().get("PostgreSQL")).as("PostgreSQL, with the query")
			.isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
		assertThat(query.benchCpuNanos()).as("the bench's JVM, waiting for the query")
			.isLessThan(query.cpuNanos().get("PostgreSQL") * 0.5);
	}

	/**
	 * A shop that never stops committing on its own, as step 3's change feed and step 4's
	 * outboxes do: the wait for the work to be counted still ends, and what the shop does
	 * alone, watched before, is taken away from what the orders cost.
	 */
	@Test
	void settlesOverTheShopsOwnBackgroundAndTakesItAway() throws Exception {
		execute(this.shop, "create table beats (id serial primary key)");
		ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor();
		try (Connection background = connect("shop")) {
			// A write, as the change feed's heartbeat is: a connection sending only
			// "select 1"
			// had its transactions shown late, if at all, in pg_stat_database
			heartbeat.scheduleAtFixedRate(() -> execute(background, "insert into beats default values"), 0, 700,
					TimeUnit.MILLISECONDS);

			assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
				OrderPrice.settle(this.monitor, SHOP);
				ShopCounters idleFrom = read();
				TimeUnit.SECONDS.sleep(6);
				ShopCounters before = read();
				ShopCounters.Spent idle = before.since(idleFrom);
				assertThat(idle.transactions()).as("the background's transactions in 6 s").isGreaterThan(4);

				placeFiveOrders();
				OrderPrice.settle(this.monitor, SHOP);
				ShopCounters.Spent cost = read().since(before).lessIdle(idle);

				assertThat(cost.transactions()).as("five orders, with the background taken away")
					.isCloseTo(5, within(3.0));
				assertThat(cost.statements()).isCloseTo(10, within(3.0));
			}, "settle waits for a shop that commits 1.4 transactions a second");
		}
		finally {
			heartbeat.shutdownNow();
		}
	}

	@Test
	void givesTheCpuOfTheShopLeftAloneAsMillisecondsASecond() {
		ShopCounters.Spent idle = new ShopCounters.Spent(Duration.ofSeconds(4).toNanos(), 8, 16, 8, Map.of("app",
				(double) Duration.ofMillis(600).toNanos(), "PostgreSQL", (double) Duration.ofMillis(200).toNanos()),
				Duration.ofMillis(400).toNanos());

		assertThat(idle.cpuMillisPerSecond()).as("800 ms of the shop's processes in 4 s, the bench's left out")
			.isCloseTo(200, within(0.001));
	}

	private ShopCounters read() throws SQLException {
		return ShopCounters.read(this.monitor, SHOP, this.processes);
	}

	private void placeFiveOrders() throws SQLException {
		this.shop.setAutoCommit(false);
		for (int order = 0; order < 5; order++) {
			execute(this.shop, "insert into orders values (" + order + ")");
			execute(this.shop, "select count(*) from orders");
			this.shop.commit();
		}
		this.shop.setAutoCommit(true);
	}

	private Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password());
	}

	private static void execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
