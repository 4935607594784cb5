package workshop.cli.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
		Histogram latencies = new ConcurrentHistogram(3);
		AtomicLong errors = new AtomicLong();
		Map<String, Long> causes = new TreeMap<>();
		long interval = Duration.ofSeconds(1).toNanos() / perSecond;
		long count = Math.max(1, duration.toNanos() / interval);
		AtomicLong next = new AtomicLong();
		long start = System.nanoTime();
		List<Thread> writers = new ArrayList<>();
		for (int i = 0; i < CONNECTIONS; i++) {
			Thread writer = new Thread(() -> write(next, count, start, interval, latencies, errors, causes),
					"direct-writes-" + i);
			writer.start();
			writers.add(writer);
		}
		for (Thread writer : writers) {
			writer.join();
		}
		if (latencies.getTotalCount() == 0) {
			throw new WorkshopException("No write into " + this.database.name() + " succeeded: " + causes);
		}
		return new LoadResult(latencies, errors.get(), Map.copyOf(causes), Duration.ofNanos(System.nanoTime() - start));
	}

	/** One connection's share: it takes the next write's number until all are sent. */
	private void write(AtomicLong next, long count, long start, long interval, Histogram latencies, AtomicLong errors,
			Map<String, Long> causes) {
		try (Connection connection = this.database.connect();
				PreparedStatement statement = connection.prepareStatement(this.sql)) {
			for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
				long intended = start + n * interval;
				LockSupport.parkNanos(intended - System.nanoTime());
				this.parameters.bind(statement, this.written.getAndIncrement());
				if (statement.executeUpdate() == 1) {
					latencies.recordValue(System.nanoTime() - intended);
				}
				else {
					errors.incrementAndGet();
					count(causes, "no row changed");
				}
			}
		}
		catch (SQLException ex) {
			// the connection is gone: the writes it would have sent are not sent
			errors.incrementAndGet();
			count(causes, ex.getClass().getSimpleName() + " " + ex.getSQLState());
		}
	}

	private static void count(Map<String, Long> causes, String cause) {
		synchronized (causes) {
			causes.merge(cause, 1L, Long::sum);
		}
	}

}
