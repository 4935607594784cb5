package shop.catalog.replica;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the replica, {@code catalog_replica.products}: the only class that does. Each
 * change is applied once: a row keeps the log position ({@code source_lsn}) of the last
 * change applied to it, and a change at or below that position was applied already, so a
 * redelivered or older change leaves the row as it is.
 */
@Component
class ProductReplica {

	private final JdbcClient jdbc;

	ProductReplica(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applies one change, in the caller's transaction.
	 * @param change the change, never null
	 * @return true if it changed the replica, false if it had been applied already
	 */
	boolean apply(ProductChange change) {
		return change.isDeletion() ? deactivate(change) : upsert(change);
	}

	// tag::upsert[]
	private boolean upsert(ProductChange change) {
		// No row comes back when the LSN check skipped the update.
		return this.jdbc.sql("""
				insert into catalog_replica.products as replica
				       (id, sku, name, price_amount, price_currency, active, source_lsn)
				values (:id, :sku, :name, :amount, :currency, :active, :lsn)
				on conflict (id) do update
				   set sku = excluded.sku, name = excluded.name, price_amount = excluded.price_amount,
				       price_currency = excluded.price_currency, active = excluded.active,
				       source_lsn = excluded.source_lsn
				 where replica.source_lsn < excluded.source_lsn
				returning true
				""")
			.param("id", change.productId())
			.param("sku", change.sku())
			.param("name", change.name())
			.param("amount", change.price().amount())
			.param("currency", change.price().currency())
			.param("active", change.active())
			.param("lsn", change.lsn())
			.query(Boolean.class)
			.optional()
			.isPresent();
	}
	// end::upsert[]

	/**
	 * A deleted product stays in the replica, inactive, with the position of its
	 * deletion: a redelivered older change must not bring it back.
	 */
	private boolean deactivate(ProductChange change) {
		return this.jdbc.sql("""
				update catalog_replica.products set active = false, source_lsn = :lsn
				 where id = :id and source_lsn < :lsn
				""").param("id", change.productId()).param("lsn", change.lsn()).update() == 1;
	}

}
