package shop.catalog.cdc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies change events of the catalog's stream to the products table of the catalog's
 * own database, idempotently. Each row keeps the LSN of the last change applied to it,
 * written in the same statement as the row; a change at or below it is skipped, so a
 * change delivered again changes nothing.
 */
public final class ProductCopy {

	private static final JsonMapper json = JsonMapper.builder().build();

	// tag::lsn-check[]
	// the row's LSN guards the write: an older or repeated change matches no row
	private static final String UPSERT = """
			insert into catalog.products as p
			    (id, sku, name, description, price_amount, price_currency, active, source_lsn)
			values (?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (id) do update set sku = excluded.sku, name = excluded.name,
			    description = excluded.description, price_amount = excluded.price_amount,
			    price_currency = excluded.price_currency, active = excluded.active, source_lsn = excluded.source_lsn
			where coalesce(p.source_lsn, -1) < excluded.source_lsn""";

	// end::lsn-check[]

	private static final String DELETE = "delete from catalog.products where id = ? and coalesce(source_lsn, -1) < ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Timer lag;

	private final AtomicLong appliedLsn = new AtomicLong();

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong skipped = new AtomicLong();

	/**
	 * @param catalogDatabase the catalog's own database, as the service's role
	 * @param meters where {@code cdc.apply.lag} is recorded
	 */
	public ProductCopy(DataSource catalogDatabase, MeterRegistry meters) {
		this.jdbc = new JdbcTemplate(catalogDatabase);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(catalogDatabase));
		this.lag = Timer.builder("cdc.apply.lag")
			.description("From a change's commit at the source to its apply commit")
			.tag("applier", "catalog-copy")
			.publishPercentileHistogram()
			.register(meters);
	}

	/**
	 * Applies change events in one transaction.
	 * @param events change event envelopes, in the order of their partition
	 */
	void apply(Iterable<String> events) {
		java.util.List<JsonNode> changes = new java.util.ArrayList<>();
		for (String event : events) {
			changes.add(json.readTree(event));
		}
		this.transaction.executeWithoutResult((status) -> changes.forEach(this::apply));
		long now = System.currentTimeMillis();
		for (JsonNode change : changes) {
			this.appliedLsn.accumulateAndGet(position(change.path("source")), Math::max);
			if (!"r".equals(change.path("op").asString())) {
				this.lag.record(java.time.Duration.ofMillis(now - change.path("source").path("ts_ms").asLong()));
			}
		}
	}

	private void apply(JsonNode change) {
		long lsn = position(change.path("source"));
		JsonNode after = change.path("after");
		int rows;
		if (after.isObject()) {
			rows = this.jdbc.update(UPSERT, UUID.fromString(after.path("id").asString()), after.path("sku").asString(),
					after.path("name").asString(), after.path("description").asString(),
					after.path("price_amount").asLong(), after.path("price_currency").asString(),
					after.path("active").asBoolean(), lsn);
		}
		else {
			rows = this.jdbc.update(DELETE, UUID.fromString(change.path("before").path("id").asString()), lsn);
		}
		((rows > 0) ? this.applied : this.skipped).incrementAndGet();
	}

	/**
	 * Where a change stands in the source's log. A streamed change and a row of the first
	 * snapshot carry it as {@code source.lsn}. A row read again by an incremental
	 * snapshot carries none: it stands where the stream was when the engine sent it, the
	 * last position of {@code source.sequence}, since a change to the row inside the
	 * read's window replaced the read, and a later one comes after it.
	 * @param source the change event's {@code source} block
	 * @return the position, never negative
	 */
	static long position(JsonNode source) {
		if (source.path("lsn").isNumber()) {
			return source.path("lsn").asLong();
		}
		JsonNode sequence = json.readTree(source.path("sequence").asString("[]"));
		long position = 0;
		for (JsonNode lsn : sequence) {
			if (!lsn.isNull()) {
				position = Long.parseLong(lsn.asString());
			}
		}
		return position;
	}

	/**
	 * Deletes rows from the copy that the stream cannot correct: rows its source does not
	 * have, which no read of the source brings back.
	 * @param ids the products' ids
	 * @return how many rows went
	 */
	public int remove(java.util.Collection<String> ids) {
		int removed = 0;
		for (String id : ids) {
			removed += this.jdbc.update("delete from catalog.products where id = ?", UUID.fromString(id));
		}
		return removed;
	}

	/**
	 * The highest source LSN among the changes applied or skipped.
	 * @return the LSN, 0 before the first change
	 */
	public long appliedLsn() {
		return this.appliedLsn.get();
	}

	/**
	 * How many changes wrote a row.
	 * @return the count since start
	 */
	public long applied() {
		return this.applied.get();
	}

	/**
	 * How many changes were at or below their row's LSN, and wrote nothing.
	 * @return the count since start
	 */
	public long skipped() {
		return this.skipped.get();
	}

	/**
	 * The apply lag seen so far.
	 * @return the timer {@code cdc.apply.lag}, never null
	 */
	public Timer lag() {
		return this.lag;
	}

}
