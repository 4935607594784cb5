package shop.catalog;

import java.util.Collection;
import java.util.List;

/**
 * What other modules may ask the catalog: the products that can be ordered, with their
 * current prices. The only way into the catalog's data from outside the module.
 */
// tag::catalog-api[]
public interface Catalog {

	/**
	 * The active products among some SKUs; unknown and inactive SKUs are left out.
	 * @param skus the SKUs to look up, never null
	 * @return the products found with their prices now, never null
	 */
	List<OrderableProduct> findOrderable(Collection<String> skus);

}
// end::catalog-api[]
