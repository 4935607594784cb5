package workshop.cli.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

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
 * is left alone until its databases are back to what they commit when nobody uses it
 * ({@link #settle}), and the {@link ShopCounters} read before and after are divided by
 * the orders: transactions ({@code pg_stat_database}), statements
 * ({@code pg_stat_statements}), and CPU time of each app's JVM, of PostgreSQL and of
 * Kafka, and apart, of the bench's own JVM, whose trace collector the apps' spans go to.
 * What the shop does on its own in as long (heartbeats, checks, health) is taken away: it
 * is watched for {@link #IDLE} before the batch. Nothing reads the orders while they are
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
	 * How long the databases must stay at their background for the shop's work to count
	 * as done and counted: an idle backend that reported less than a second ago holds its
	 * counts back for up to 10 s before it reports them to {@code pg_stat_database}.
	 */
	static final Duration QUIET = Duration.ofSeconds(11);

	/**
	 * The most transactions a second, per database, that a shop with nothing left to do
	 * commits: steps 3 and 4 never stop (the catalog's change feed confirms its position
	 * once a second, each outbox looks for events to resubmit every 10 s), steps 0 to 2
	 * commit nothing, and a shop still deciding orders commits hundreds a second.
	 */
	static final int BACKGROUND_PER_SECOND = 2;

	/** How long the shop is watched, left alone, before the batch. */
	static final Duration IDLE = Duration.ofSeconds(10);

	/**
	 * Longest wait for the background: the shop may take long to finish a batch on a busy
	 * machine, but not this long.
	 */
	private static final Duration SETTLE_DEADLINE = Duration.ofMinutes(10);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final String EXPLANATION = "A batch of orders (POST only, at the highest --connections, as many "
			+ "as the order batch there), nothing read until the apps' databases have committed at most "
			+ BACKGROUND_PER_SECOND + " transactions a second each for " + QUIET.toSeconds() + " s; then the "
			+ "counters' increase, less what the step does left alone in as long (watched for " + IDLE.toSeconds()
			+ " s before the batch), divided by the orders. Transactions: pg_stat_database (commits and rollbacks "
			+ "of the apps' databases). Statements: pg_stat_statements, the statements the apps send, and in "
			+ "brackets the BEGIN, COMMIT and ROLLBACK around them. CPU: user + system time of each app's JVM, of "
			+ "PostgreSQL (the postmaster and its backends) and of Kafka, from the operating system; the bench's own "
			+ "JVM (its HTTP client, the trace collector the apps send their spans to, the copying of their log "
			+ "lines) apart, not in the total. Left alone: the CPU every process of the step spent a second while "
			+ "it was watched before the batch (1,000 is one core). On a machine whose cores are busy, the ratio of "
			+ "CPU per order is the ratio of throughput.";

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
			Map<String, ProcessHandle> processes = processesOf(bench, postgres);
			settle(db, databases);
			ShopCounters idleFrom = ShopCounters.read(db, databases, processes);
			TimeUnit.NANOSECONDS.sleep(IDLE.toNanos());
			ShopCounters before = ShopCounters.read(db, databases, processes);
			int orders = bench.busiestBatch()
				.map((measured) -> Math.max(FEWEST_ORDERS, measured.orders()))
				.orElse(ORDERS_WITHOUT_BATCH);
			OrderBatch.Placed placed = batch.place(orders, bench.settings().busiest());
			settle(db, databases);
			ShopCounters after = ShopCounters.read(db, databases, processes);
			BatchResult result = batch.untilFinal(placed, bench.settings().busiest());
			ShopCounters.Spent idle = before.since(idleFrom);
			ShopCounters.Spent cost = after.since(before).lessIdle(idle);
			return table(bench, cost, idle, orders, result);
		}
		catch (SQLException ex) {
			throw new WorkshopException(bench.step().id() + ": order-price could not read PostgreSQL's counters ("
					+ ex.getMessage() + "): the embedded server loads pg_stat_statements; with another server, "
					+ "drop order-price from bench.measures in workshop.yaml.", ex);
		}
	}

	/** Every app, PostgreSQL and, where the step has one here, Kafka. */
	private static Map<String, ProcessHandle> processesOf(BenchContext bench, InfraServer postgres) {
		Map<String, ProcessHandle> processes = new LinkedHashMap<>();
		for (RunningApp app : bench.apps()) {
			processes.put(app.app().name(), app.process());
		}
		processes.put("PostgreSQL", handle(bench, postgres));
		bench.server("kafka")
			.filter((server) -> server.pid() > 0)
			.ifPresent((kafka) -> processes.put("Kafka", handle(bench, kafka)));
		return processes;
	}

	private static ProcessHandle handle(BenchContext bench, InfraServer server) {
		return ProcessHandle.of(server.pid())
			.orElseThrow(() -> new WorkshopException(server.name() + " of " + bench.step().id() + " is not running."));
	}

	private static Table table(BenchContext bench, ShopCounters.Spent cost, ShopCounters.Spent idle, int orders,
			BatchResult result) {
		double n = orders;
		bench.progress(
				"%-18s x%-3d %5.1f transactions, %5.1f statements (+%.1f), CPU %.2f ms per order; %d of %d "
						+ "CONFIRMED",
				"order price", bench.settings().busiest(), cost.transactions() / n, cost.statements() / n,
				cost.transactionControl() / n, cost.cpuNanosTotal() / n / 1e6, result.confirmed(), orders);
		List<Row> rows = new ArrayList<>();
		rows.add(row("transactions", format("%.1f", cost.transactions() / n)));
		rows.add(row("statements (+ BEGIN, COMMIT, ROLLBACK)",
				format("%.1f (+%.1f)", cost.statements() / n, cost.transactionControl() / n)));
		rows.add(row("orders CONFIRMED", format("%d of %d", result.confirmed(), orders)));
		// The total before its parts: the report lists a row only a later step has after
		// the rows of the steps before it.
		rows.add(row("**CPU, total (ms)**", format("**%.2f**", cost.cpuNanosTotal() / n / 1e6)));
		cost.cpuNanos()
			.forEach((name, nanos) -> rows.add(row("CPU, " + name + " (ms)", format("%.2f", nanos / n / 1e6))));
		rows.add(row("CPU, the bench itself, not in the total (ms)", format("%.2f", cost.benchCpuNanos() / n / 1e6)));
		rows.add(row("CPU of every process, left alone (ms a second)", format("%.0f", idle.cpuMillisPerSecond())));
		return new Table("What an order costs", EXPLANATION, List.of("per order"), List.of("value"), rows);
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
	 * Waits until the apps' databases have committed at most
	 * {@link #BACKGROUND_PER_SECOND} transactions a second each over the last
	 * {@link #QUIET}. A backend that goes idle reports its last counts to
	 * {@code pg_stat_database} within 10 s (PostgreSQL 15 on), so after such a window the
	 * work is done and counted, but for a second of background.
	 */
	static void settle(Connection db, List<String> databases) throws SQLException, InterruptedException {
		long background = BACKGROUND_PER_SECOND * QUIET.toSeconds() * databases.size();
		long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
		List<long[]> samples = new ArrayList<>(); // {when, transactions so far}
		while (true) {
			long now = System.nanoTime();
			long transactions = ShopCounters.transactions(db, databases);
			samples.add(new long[] { now, transactions });
			while (samples.size() > 1 && now - samples.get(1)[0] >= QUIET.toNanos()) {
				samples.remove(0);
			}
			long[] windowStart = samples.get(0);
			if (now - windowStart[0] >= QUIET.toNanos() && transactions - windowStart[1] <= background) {
				return;
			}
			if (now > deadline) {
				throw new WorkshopException("The shop was still committing transactions " + SETTLE_DEADLINE.toMinutes()
						+ " minutes after the orders of order-price were placed: see the step's log in target/bench/.");
			}
			TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
		}
	}

}
