package shop.service;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.domain.Stock;
import shop.repository.StockRepository;

/**
 * The stock of each SKU, read by anyone and counted by an administrator.
 */
@Service
public class InventoryService {

	private final StockRepository stock;

	public InventoryService(StockRepository stock) {
		this.stock = stock;
	}

	/**
	 * The stock of one SKU.
	 * @param sku the SKU
	 * @return the stock, never null
	 * @throws StockNotFoundException if the SKU has no stock record
	 */
	@Transactional(readOnly = true)
	public Stock find(String sku) {
		return this.stock.findById(sku).orElseThrow(() -> new StockNotFoundException(sku));
	}

	/**
	 * Sets the units on hand after a count in the warehouse.
	 * @param sku the SKU
	 * @param onHand the units on hand, not negative
	 * @return the stock changed, never null
	 * @throws StockNotFoundException if the SKU has no stock record
	 * @throws StockBelowReservedException if fewer than the units reserved
	 */
	@Transactional
	public Stock count(String sku, int onHand) {
		Stock counted = this.stock.lockBySku(sku).orElseThrow(() -> new StockNotFoundException(sku));
		if (onHand < counted.getReserved()) {
			throw new StockBelowReservedException(counted, onHand);
		}
		counted.count(onHand);
		return counted;
	}

}
