package workshop.cli.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import workshop.cli.system.ProcessTree;

/**
 * What the shop has done so far, read at one moment: the transactions and statements of
 * its databases, the CPU time of each of its processes, and that of the bench's own JVM,
 * which places the orders and collects the apps' traces and log lines. Two readings make
 * a {@link Spent}, the work between them.
 *
 * @param readAt when it was read, a {@link System#nanoTime()} value
 * @param transactions commits and rollbacks of the apps' databases
 * @param statements statements of the apps' databases, without transaction control
 * @param transactionControl {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK} statements
 * of the apps' databases
 * @param cpuNanos CPU time of each process and the processes under it, by name, in the
 * order they were given
 * @param benchCpuNanos CPU time of this JVM alone, without the processes it started
 */
record ShopCounters(long readAt, long transactions, long statements, long transactionControl,
		Map<String, Long> cpuNanos, long benchCpuNanos) {

	/**
	 * Reads the counters.
	 * @param db a connection to the server, as its superuser, on the database where
	 * {@code pg_stat_statements} was created
	 * @param databases the apps' databases
	 * @param processes the shop's processes, by the name the report gives them
	 * @return the counters now
	 * @throws SQLException when the server cannot be read
	 */
	static ShopCounters read(Connection db, List<String> databases, Map<String, ProcessHandle> processes)
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
		Map<String, Long> cpu = new LinkedHashMap<>();
		processes.forEach((name, process) -> cpu.put(name, ProcessTree.cpuNanos(process)));
		long bench = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
		return new ShopCounters(System.nanoTime(), transactions, statements, control, cpu, bench);
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

	/**
	 * The work done since an earlier reading.
	 * @param earlier a reading of the same counters, taken before this one
	 * @return the increase of each counter, and the time between the readings
	 */
	Spent since(ShopCounters earlier) {
		Map<String, Double> cpu = new LinkedHashMap<>();
		this.cpuNanos.forEach((name, nanos) -> cpu.put(name, (double) (nanos - earlier.cpuNanos.get(name))));
		return new Spent(this.readAt - earlier.readAt, this.transactions - earlier.transactions,
				this.statements - earlier.statements, this.transactionControl - earlier.transactionControl, cpu,
				this.benchCpuNanos - earlier.benchCpuNanos);
	}

	/**
	 * The work of the shop between two readings.
	 *
	 * @param nanos the time between them
	 * @param transactions commits and rollbacks
	 * @param statements statements, without transaction control
	 * @param transactionControl {@code BEGIN}, {@code COMMIT} and {@code ROLLBACK}
	 * @param cpuNanos CPU time of each process, by name
	 * @param benchCpuNanos CPU time of the bench's own JVM, not one of the shop's
	 * processes
	 */
	record Spent(long nanos, double transactions, double statements, double transactionControl,
			Map<String, Double> cpuNanos, double benchCpuNanos) {

		/**
		 * Takes away what the shop does when nobody uses it: {@code idle}'s rate of each
		 * counter over this work's duration. A counter never goes below zero.
		 * @param idle the work of the same shop left alone
		 * @return what is left, the work that was asked of it
		 */
		Spent lessIdle(Spent idle) {
			double scale = (double) this.nanos / idle.nanos;
			Map<String, Double> cpu = new LinkedHashMap<>();
			this.cpuNanos.forEach((name, nanos) -> cpu.put(name, less(nanos, idle.cpuNanos.get(name) * scale)));
			return new Spent(this.nanos, less(this.transactions, idle.transactions * scale),
					less(this.statements, idle.statements * scale),
					less(this.transactionControl, idle.transactionControl * scale), cpu,
					less(this.benchCpuNanos, idle.benchCpuNanos * scale));
		}

		/** CPU time of every process of the shop together, the bench's not included. */
		double cpuNanosTotal() {
			return this.cpuNanos.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		/**
		 * How much of the machine every process of the shop took, on average, between the
		 * readings: milliseconds of CPU a second, where one busy core is 1,000.
		 */
		double cpuMillisPerSecond() {
			return cpuNanosTotal() / this.nanos * 1000;
		}

		private static double less(double value, double idle) {
			return Math.max(0, value - idle);
		}

	}

}
