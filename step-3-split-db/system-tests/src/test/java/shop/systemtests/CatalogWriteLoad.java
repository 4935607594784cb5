package shop.systemtests;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.postgresql.PGConnection;

/**
 * Writes to the catalog's home table in rounds, as a batch job with its own login would,
 * until stopped: each round one multi-row {@code INSERT} of 5 products, one {@code COPY}
 * of 20 (PostgreSQL logs a COPY's rows as multi-inserts: several rows at one log
 * position), and one {@code UPDATE} of the price of every product written so far. Each
 * statement commits on its own. The products' SKUs start with a prefix of the load's own.
 */
final class CatalogWriteLoad implements AutoCloseable {

	private static final int INSERTED = 5;

	private static final int COPIED = 20;

	private final Connection database;

	private final String skuPrefix;

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final AtomicInteger rounds = new AtomicInteger();

	private final CompletableFuture<Void> writing;

	private CatalogWriteLoad(Connection database, String skuPrefix) {
		this.database = database;
		this.skuPrefix = skuPrefix;
		this.writing = CompletableFuture.runAsync(this::write);
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
		this.stopping.set(true);
		this.writing.join();
		try {
			this.database.close();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write() {
		try (Statement statement = this.database.createStatement()) {
			while (!this.stopping.get()) {
				int round = this.rounds.get();
				StringBuilder insert = new StringBuilder(
						"insert into catalog.products (id, sku, name, price_amount, price_currency) values ");
				for (int i = 0; i < INSERTED; i++) {
					insert.append((i > 0) ? ", " : "")
						.append("('")
						.append(UUID.randomUUID())
						.append("', '")
						.append(sku(round, "I", i))
						.append("', 'Inserted in round ")
						.append(round)
						.append("', 1000, 'USD')");
				}
				statement.execute(insert.toString());
				StringBuilder copy = new StringBuilder();
				for (int i = 0; i < COPIED; i++) {
					copy.append(UUID.randomUUID())
						.append(',')
						.append(sku(round, "C", i))
						.append(",Copied in round ")
						.append(round)
						.append(",2000,USD\n");
				}
				this.database.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy catalog.products (id, sku, name, price_amount, price_currency) from stdin with (format csv)",
							new StringReader(copy.toString()));
				statement.execute("update catalog.products set price_amount = price_amount + 1 where sku like '"
						+ this.skuPrefix + "%'");
				this.rounds.incrementAndGet();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("The write load failed in round " + this.rounds.get() + ": " + ex, ex);
		}
	}

	private String sku(int round, String kind, int i) {
		return String.format("%s%s%03d-%02d", this.skuPrefix, kind, round, i);
	}

}
