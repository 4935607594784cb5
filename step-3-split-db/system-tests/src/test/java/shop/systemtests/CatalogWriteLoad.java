package shop.systemtests;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.postgresql.PGConnection;

/**
 * Writes to the catalog's home table in rounds, as a batch job with its own login would,
 * until stopped: every {@value #PACE_MILLIS} ms one round of one multi-row {@code INSERT}
 * of 5 products, one {@code COPY} of 10 (PostgreSQL logs a COPY's rows as multi-inserts:
 * several rows at one log position), and one {@code UPDATE} of the price of the round's
 * 15 products. Each statement commits on its own. At a fixed pace the load writes the
 * same few changes a second however long a kill and a start take (about 150/s). The
 * products' SKUs start with a prefix of the load's own.
 */
final class CatalogWriteLoad implements AutoCloseable {

	private static final int INSERTED = 5;

	private static final int COPIED = 10;

	private static final long PACE_MILLIS = 100;

	private final Connection database;

	private final String skuPrefix;

	private final AtomicInteger rounds = new AtomicInteger();

	private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();

	private final ScheduledFuture<?> writing;

	private CatalogWriteLoad(Connection database, String skuPrefix) {
		this.database = database;
		this.skuPrefix = skuPrefix;
		this.writing = this.writer.scheduleWithFixedDelay(this::writeRound, 0, PACE_MILLIS, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts writing.
	 * @param database a connection to the database that is the catalog's home, owned by
	 * the load from now on
	 * @param skuPrefix the start of every SKU the load writes, such as {@code CRASH-1-}
	 * @return the running load
	 */
	static CatalogWriteLoad start(Connection database, String skuPrefix) {
		return new CatalogWriteLoad(database, skuPrefix);
	}

	/**
	 * Returns how many rounds have committed.
	 * @return the count
	 */
	int rounds() {
		return this.rounds.get();
	}

	/**
	 * Returns how many products the committed rounds wrote.
	 * @return the count
	 */
	int products() {
		return rounds() * (INSERTED + COPIED);
	}

	/**
	 * Stops after the round under way and waits for it.
	 * @throws IllegalStateException when a statement failed
	 */
	@Override
	public void close() {
		if (this.writer.isShutdown()) {
			return;
		}
		// a periodic task is done before its cancellation only when a round failed
		if (this.writing.isDone()) {
			try {
				this.writing.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		this.writer.shutdown();
		try {
			this.writer.awaitTermination(30, TimeUnit.SECONDS);
			this.database.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One round; a failed statement ends the load, and {@link #close} reports it. */
	private void writeRound() {
		try (Statement statement = this.database.createStatement()) {
			int round = this.rounds.get();
			StringBuilder insert = new StringBuilder(
					"insert into catalog.products (id, sku, name, price_amount, price_currency, active) values ");
			for (int i = 0; i < INSERTED; i++) {
				insert.append((i > 0) ? ", " : "")
					.append("('")
					.append(UUID.randomUUID())
					.append("', '")
					.append(sku(round, "I", i))
					.append("', 'Inserted in round ")
					.append(round)
					.append("', 1000, 'USD', false)");
			}
			statement.execute(insert.toString());
			StringBuilder copy = new StringBuilder();
			for (int i = 0; i < COPIED; i++) {
				copy.append(UUID.randomUUID())
					.append(',')
					.append(sku(round, "C", i))
					.append(",Copied in round ")
					.append(round)
					.append(",2000,USD,false\n");
			}
			this.database.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy catalog.products (id, sku, name, price_amount, price_currency, active) from stdin with (format csv)",
						new StringReader(copy.toString()));
			statement.execute("update catalog.products set price_amount = price_amount + 1 where sku like '"
					+ this.skuPrefix + "_" + String.format("%04d", round) + "-%'");
			this.rounds.incrementAndGet();

		}
		catch (Exception ex) {
			throw new IllegalStateException("The write load failed in round " + this.rounds.get() + ": " + ex, ex);
		}
	}

	private String sku(int round, String kind, int i) {
		return String.format("%s%s%04d-%02d", this.skuPrefix, kind, round, i);
	}

}
