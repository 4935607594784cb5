package workshop.cli.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import workshop.cli.WorkshopException;

/**
 * Open-loop writes straight into a database: one statement per transaction, at a fixed
 * rate, from {@value #CONNECTIONS} connections that take the next send time in turn. Each
 * latency counts from the time the write was meant to go, as in {@link FixedRateLoad}.
 * What a change stream carries when nothing in front of the database limits the rate.
 */
final class DirectWrites {

	private static final int CONNECTIONS = 8;

	/** Binds the n-th write's parameters. */
	@FunctionalInterface
	interface Parameters {

		void bind(PreparedStatement statement, long n) throws SQLException;

	}

	private final StreamedDatabase database;

	private final String sql;

	private final Parameters parameters;

	private final AtomicLong written = new AtomicLong();

	DirectWrites(StreamedDatabase database, String sql, Parameters parameters) {
		this.database = database;
		this.sql = sql;
		this.parameters = parameters;
	}

	/**
	 * Runs the writes.
	 * @param perSecond how many to send each second
	 * @param duration how long to send them
	 * @return what was measured; a statement that changed no row counts as an error
	 * @throws InterruptedException when interrupted
	 */
	LoadResult run(int perSecond, Duration duration) throws InterruptedException {
		Run run = new Run(perSecond, duration);
		List<Thread> writers = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			Thread writer = new Thread(run::write, "direct-writes-" + i);
			writer.start();
			writers.add(writer);
		}
		for (Thread writer : writers) {
			writer.join();
		}
		if (run.latencies.getTotalCount() == 0) {
			throw new WorkshopException(
					"No write into " + this.database.name() + " succeeded: " + run.failures.byCause());
		}
		return new LoadResult(run.latencies, run.failures.count(), run.failures.byCause(),
				Duration.ofNanos(System.nanoTime() - run.start));
	}

	/** One run's schedule and what it measured, shared by its connections. */
	private final class Run {

		private final Histogram latencies = new ConcurrentHistogram(3);

		private final Failures failures = new Failures();

		private final AtomicLong next = new AtomicLong();

		private final long interval;

		private final long count;

		private final long start = System.nanoTime();

		Run(int perSecond, Duration duration) {
			this.interval = Duration.ofSeconds(1).toNanos() / perSecond;
			this.count = Math.max(1, duration.toNanos() / this.interval);
		}

		/**
		 * One connection's share: it takes the next write's number until all are sent.
		 */
		void write() {
			try (Connection connection = DirectWrites.this.database.connect();
					PreparedStatement statement = connection.prepareStatement(DirectWrites.this.sql)) {
				for (long n = this.next.getAndIncrement(); n < this.count; n = this.next.getAndIncrement()) {
					long intended = this.start + n * this.interval;
					LockSupport.parkNanos(intended - System.nanoTime());
					DirectWrites.this.parameters.bind(statement, DirectWrites.this.written.getAndIncrement());
					if (statement.executeUpdate() == 1) {
						this.latencies.recordValue(System.nanoTime() - intended);
					}
					else {
						this.failures.add("no row changed");
					}
				}
			}
			catch (SQLException ex) {
				// the connection is gone: the writes it would have sent are not sent
				this.failures.add(ex.getClass().getSimpleName() + " " + ex.getSQLState());
			}
		}

	}

}
