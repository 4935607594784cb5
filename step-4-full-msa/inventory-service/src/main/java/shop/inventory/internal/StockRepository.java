package shop.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code stock} table, keyed by SKU.
 */
public interface StockRepository extends JpaRepository<Stock, String> {

	/**
	 * Reads the stock of some SKUs and locks the rows until the transaction ends, so that
	 * two orders cannot both take the last unit. Rows are locked in SKU order, which
	 * keeps two orders for the same SKUs from deadlocking.
	 * @param skus the SKUs to lock
	 * @return the stock rows found, ordered by SKU, never null
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Stock s where s.sku in :skus order by s.sku")
	List<Stock> lockAllBySkuIn(@Param("skus") Collection<String> skus);

	/**
	 * Reads the stock of one SKU and locks the row until the transaction ends.
	 * @param sku the SKU
	 * @return the stock, empty if the SKU has none
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Stock s where s.sku = :sku")
	Optional<Stock> lockBySku(@Param("sku") String sku);

}
