package shop.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code products} table.
 */
public interface ProductRepository extends JpaRepository<Product, UUID> {

	/**
	 * The products a customer can order, for the storefront.
	 * @return active products ordered by SKU, never null
	 */
	List<Product> findByActiveTrueOrderBySku();

	/**
	 * The active products among some SKUs; unknown or inactive SKUs are left out.
	 * @param skus the SKUs to look up
	 * @return the products found, never null
	 */
	List<Product> findBySkuInAndActiveTrue(Collection<String> skus);

	/**
	 * Whether a SKU is taken, by an active or inactive product.
	 * @param sku the SKU
	 * @return true if a product has it
	 */
	boolean existsBySku(String sku);

}
