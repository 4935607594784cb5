package shop.inventory.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import shop.catalog.Catalog;

/**
 * The stock of a product the catalog service added. The catalog is another process that
 * announces nothing, so the inventory learns of a new product when someone first asks for
 * its stock: a SKU without a stock record that the catalog sells has a stock of 0 on
 * hand, and its record is opened when an administrator first counts it.
 */
@Component
class NewProductStock {

	private final Catalog catalog;

	private final StockRepository stock;

	NewProductStock(Catalog catalog, StockRepository stock) {
		this.catalog = catalog;
		this.stock = stock;
	}

	/**
	 * The stock of a SKU that has no stock record yet.
	 * @param sku the SKU
	 * @return an empty stock, not saved, if the catalog sells the SKU; empty otherwise
	 * @throws shop.catalog.CatalogUnavailableException if the catalog service cannot
	 * answer
	 */
	Optional<Stock> emptyStockOf(String sku) {
		return sold(sku) ? Optional.of(new Stock(sku)) : Optional.empty();
	}

	/**
	 * Opens the stock record of a SKU the catalog sells, unless it has one already.
	 * @param sku the SKU
	 * @throws shop.catalog.CatalogUnavailableException if the catalog service cannot
	 * answer
	 */
	void openIfSold(String sku) {
		if (!this.stock.existsById(sku) && sold(sku)) {
			this.stock.insertEmptyUnlessPresent(sku);
		}
	}

	private boolean sold(String sku) {
		return !this.catalog.findOrderable(List.of(sku)).isEmpty();
	}

}
