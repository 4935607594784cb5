package shop.catalog.replica;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import shop.catalog.Catalog;
import shop.catalog.OrderableProduct;
import shop.shared.Money;

/**
 * The {@link Catalog} answered from the replica: one query on the monolith's own
 * database, no call to the catalog service. The answer is as fresh as the replica, which
 * trails the catalog by the feed's lag.
 */
@Component
class ReplicaCatalog implements Catalog {

	private final JdbcClient jdbc;

	ReplicaCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// tag::find-orderable[]
	@Override
	public List<OrderableProduct> findOrderable(Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		// For the moment one product's change has arrived and another's not yet, two
		// active rows may share a SKU: the later change wins.
		return this.jdbc.sql("""
				select distinct on (sku) sku, price_amount, price_currency
				  from catalog_replica.products
				 where active and sku in (:skus)
				 order by sku, source_lsn desc
				""")
			.param("skus", skus)
			.query((row, number) -> new OrderableProduct(row.getString("sku"),
					new Money(row.getLong("price_amount"), row.getString("price_currency"))))
			.list();
	}
	// end::find-orderable[]

	/**
	 * How many products can be ordered now.
	 * @return the number of active products in the replica
	 */
	long countOrderable() {
		return this.jdbc.sql("select count(*) from catalog_replica.products where active").query(Long.class).single();
	}

}
