package shop.inventory.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import shop.catalog.ProductAdded;

/**
 * Opens an empty stock record for every product the catalog adds. Listens synchronously,
 * in the catalog's transaction: a product and its stock record exist together or not at
 * all, as the API promises (a new product answers {@code GET /api/inventory/{sku}} at
 * once).
 */
@Component
class NewProductStock {

	private final StockRepository stock;

	NewProductStock(StockRepository stock) {
		this.stock = stock;
	}

	@EventListener
	void on(ProductAdded added) {
		if (!this.stock.existsById(added.sku())) {
			this.stock.save(new Stock(added.sku()));
		}
	}

}
