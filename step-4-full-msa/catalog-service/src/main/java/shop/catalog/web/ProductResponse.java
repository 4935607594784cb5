package shop.catalog.web;

import java.util.UUID;

import shop.shared.Money;
import shop.catalog.internal.Product;

/**
 * A product as the API shows it.
 *
 * @param id the product's id
 * @param sku its SKU
 * @param name its name
 * @param description its description, possibly empty, never null
 * @param price its price
 * @param active whether it can be ordered
 */
public record ProductResponse(UUID id, String sku, String name, String description, Money price, boolean active) {

	static ProductResponse from(Product product) {
		return new ProductResponse(product.getId(), product.getSku(), product.getName(), product.getDescription(),
				product.getPrice(), product.isActive());
	}

}
