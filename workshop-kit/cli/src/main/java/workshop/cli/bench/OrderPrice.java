package workshop.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;
import workshop.cli.manifest.App;
import workshop.cli.run.InfraServer;
import workshop.cli.run.RunningApp;

import static workshop.cli.bench.ClosedLoop.format;

/**
 * What one order costs the machine: a batch of orders is placed (POSTs only, at the
 * highest concurrency; as many as the batch of {@link CompletedOrders} there, which
 * completes in about {@code --duration}, and at least {@link #FEWEST_ORDERS}), the shop
 * is left alone until PostgreSQL has committed nothing for {@link #QUIET}, and the
 * counters read before and after are divided by the orders: transactions
 * ({@code pg_stat_database}), statements ({@code pg_stat_statements}), and CPU time of
 * the apps' JVMs and of every PostgreSQL process. Nothing reads the orders while they are
 * decided, so every count is the shop's own work; they are read afterwards, to count
 * those that ended {@code CONFIRMED}.
 * <p>
 * It needs the PostgreSQL server the bench starts itself (embedded): it connects as that
 * server's superuser and adds {@code pg_stat_statements} to its {@code postgres}
 * database.
 */
final class OrderPrice implements Measure {

	/** The fewest orders the counters are divided by. */
	static final int FEWEST_ORDERS = 100;

	/** How many orders when no batch was measured before. */
	static final int ORDERS_WITHOUT_BATCH = 500;

	/**
	 * How long PostgreSQL must commit nothing for the shop's work to count as done and
	 * counted: an idle backend that reported less than a second ago holds its counts back
	 * for up to 10 s before it reports them to {@code pg_stat_database}.
	 */
	static final Duration QUIET = Duration.ofSeconds(11);

	/**
	 * Longest wait for that quiet: the shop may take long to finish a batch on a busy
	 * machine, but not this long.
	 */
	private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(10);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final String EXPLANATION = "A batch of orders (POST only, at the highest --connections, as many "
			+ "as the order batch there), nothing read until PostgreSQL has committed nothing for " + QUIET.toSeconds()
			+ " s; then the counters' increase divided by the orders. Transactions: pg_stat_database (commits and "
			+ "rollbacks of the apps' databases). Statements: pg_stat_statements, the statements the apps send, and "
			+ "in brackets the BEGIN, COMMIT and ROLLBACK around them. CPU: user + system time of the apps' JVMs and "
			+ "of PostgreSQL (the postmaster and its backends), from the operating system. On a machine whose cores "
			+ "are busy, the ratio of CPU per order is the ratio of throughput.";

	@Override
	public String name() {
		return "order-price";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		InfraServer postgres = bench.server("postgres")
			.filter((server) -> server.pid() > 0)
			.orElseThrow(() -> new WorkshopException(bench.step().id() + ": order-price reads PostgreSQL's counters "
					+ "and its processes' CPU time, so it needs the server the bench starts: use --infra embedded, or "
					+ "drop order-price from bench.measures of " + bench.step().id() + " in workshop.yaml."));
		List<String> databases = bench.step()
			.apps()
			.stream()
			.map(App::database)
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		// The embedded server's superuser, as workshop-kit/infra starts it.
		try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + postgres.address() + "/postgres",
				"postgres", "postgres")) {
			countStatements(db);
			OrderBatch batch = new OrderBatch(bench.client(), bench.shop().placeOrder(),
					bench.settings().orderTimeout());
			bench.shop().topUpStock();
			settle(db, databases);
			List<ProcessHandle> apps = bench.apps().stream().map(RunningApp::process).toList();
			ProcessHandle postmaster = ProcessHandle.of(postgres.pid())
				.orElseThrow(() -> new WorkshopException("PostgreSQL of " + bench.step().id() + " is not running."));
			Counters before = Counters.read(db, databases, apps, postmaster);
			int orders = bench.busiestBatch()
				.map((measured) -> Math.max(FEWEST_ORDERS, measured.orders()))
				.orElse(ORDERS_WITHOUT_BATCH);
			OrderBatch.Placed placed = batch.place(orders, bench.settings().busiest());
			settle(db, databases);
			Counters after = Counters.read(db, databases, apps, postmaster);
			BatchResult result = batch.untilFinal(placed, bench.settings().busiest());
			Counters cost = after.minus(before);
			double n = orders;
			bench.progress(
					"%-18s x%-3d %5.1f transactions, %5.1f statements (+%.1f), CPU %.2f ms app + %.2f ms "
							+ "PostgreSQL per order; %d of %d CONFIRMED",
					"order price", bench.settings().busiest(), cost.transactions() / n, cost.statements() / n,
					cost.transactionControl() / n, cost.appCpuNanos() / n / 1e6, cost.postgresCpuNanos() / n / 1e6,
					result.confirmed(), orders);
			List<Row> rows = new ArrayList<>();
			rows.add(row("transactions", format("%.1f", cost.transactions() / n)));
			rows.add(row("statements (+ BEGIN, COMMIT, ROLLBACK)",
					format("%.1f (+%.1f)", cost.statements() / n, cost.transactionControl() / n)));
			rows.add(row("CPU, apps (ms)", format("%.2f", cost.appCpuNanos() / n / 1e6)));
			rows.add(row("CPU, PostgreSQL (ms)", format("%.2f", cost.postgresCpuNanos() / n / 1e6)));
			rows.add(row("**CPU, total (ms)**",
					format("**%.2f**", (cost.appCpuNanos() + cost.postgresCpuNanos()) / n / 1e6)));
			rows.add(row("orders CONFIRMED", format("%d of %d", result.confirmed(), orders)));
			return new Table("What an order costs", EXPLANATION, List.of("per order"), List.of("value"), rows);
		}
		catch (SQLException ex) {
			throw new WorkshopException(bench.step().id() + ": order-price could not read PostgreSQL's counters ("
					+ ex.getMessage() + "): the embedded server loads pg_stat_statements; with another server, "
					+ "drop order-price from bench.measures in workshop.yaml.", ex);
		}
	}

	private static Row row(String what, String value) {
		return new Row(List.of(what), List.of(value));
	}

	/**
	 * Adds {@code pg_stat_statements} to the database a connection is on, where its view
	 * shows the statements of every database of the server.
	 */
	static void countStatements(Connection db) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
		}
	}

	/**
	 * Waits until the apps' databases have committed nothing for {@link #QUIET}. A
	 * backend that goes idle reports its last counts to {@code pg_stat_database} within
	 * 10 s (PostgreSQL 15 on), so a quiet window of 11 s means the work is done and
	 * counted.
	 */
	static void settle(Connection db, List<String> databases) throws SQLException, InterruptedException {
		long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
		long last = Counters.transactions(db, databases);
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < QUIET.toNanos()) {
			if (System.nanoTime() > deadline) {
				throw new WorkshopException("The shop was still committing transactions " + SETTLE_DEADLINE.toMinutes()
						+ " minutes after the orders of order-price were placed: see the step's log in target/bench/.");
			}
			TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
			long now = Counters.transactions(db, databases);
			if (now != last) {
				last = now;
				quietSince = System.nanoTime();
			}
		}
	}

	/**
	 * The counters at one moment.
	 *
	 * @param transactions commits and rollbacks of the apps' databases
	 * @param statements statements of the apps' databases, without transaction control
	 * @param transactionControl {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}
	 * statements of the apps' databases
	 * @param appCpuNanos CPU time of the apps' processes and their children
	 * @param postgresCpuNanos CPU time of the postmaster and its children
	 */
	record Counters(long transactions, long statements, long transactionControl, long appCpuNanos,
			long postgresCpuNanos) {

		static Counters read(Connection db, List<String> databases, List<ProcessHandle> apps, ProcessHandle postgres)
				throws SQLException {
			long transactions = transactions(db, databases);
			long statements;
			long control;
			try (PreparedStatement query = db.prepareStatement("select "
					+ "coalesce(sum(calls) filter (where query !~* '^\\s*(begin|commit|rollback)\\M'), 0), "
					+ "coalesce(sum(calls) filter (where query ~* '^\\s*(begin|commit|rollback)\\M'), 0) "
					+ "from pg_stat_statements where dbid in (select oid from pg_database where datname = any(?))")) {
				query.setArray(1, db.createArrayOf("text", databases.toArray()));
				try (ResultSet result = query.executeQuery()) {
					result.next();
					statements = result.getLong(1);
					control = result.getLong(2);
				}
			}
			long appCpu = apps.stream().mapToLong(Counters::cpuNanos).sum();
			long postgresCpu = cpuNanos(postgres);
			return new Counters(transactions, statements, control, appCpu, postgresCpu);
		}

		static long transactions(Connection db, List<String> databases) throws SQLException {
			try (PreparedStatement query = db.prepareStatement(
					"select coalesce(sum(xact_commit + xact_rollback), 0) from pg_stat_database where datname = any(?)")) {
				query.setArray(1, db.createArrayOf("text", databases.toArray()));
				try (ResultSet result = query.executeQuery()) {
					result.next();
					return result.getLong(1);
				}
			}
		}

		/** CPU time of a process and of every process under it that still runs. */
		private static long cpuNanos(ProcessHandle process) {
			return Stream.concat(Stream.of(process), process.descendants())
				.mapToLong((each) -> each.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
				.sum();
		}

		Counters minus(Counters earlier) {
			return new Counters(this.transactions - earlier.transactions, this.statements - earlier.statements,
					this.transactionControl - earlier.transactionControl, this.appCpuNanos - earlier.appCpuNanos,
					this.postgresCpuNanos - earlier.postgresCpuNanos);
		}

	}

}
