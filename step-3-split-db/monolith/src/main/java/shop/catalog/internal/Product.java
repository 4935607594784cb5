package shop.catalog.internal;

import java.util.UUID;

import shop.shared.Money;

/**
 * A product as the catalog service answered it. Not an entity: the monolith keeps no
 * product data, it holds a copy of one answer for as long as a request takes. Its getters
 * are those the web classes that show a product read.
 */
public class Product {

	private final UUID id;

	private final String sku;

	private final String name;

	private final String description;

	private final Money price;

	private final boolean active;

	/**
	 * A product as the service described it.
	 * @param id its id, never null
	 * @param sku its SKU, never null
	 * @param name its name, never null
	 * @param description its description, possibly empty, never null
	 * @param price its price, never null
	 * @param active whether it can be ordered
	 */
	public Product(UUID id, String sku, String name, String description, Money price, boolean active) {
		this.id = id;
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.price = price;
		this.active = active;
	}

	public UUID getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public Money getPrice() {
		return this.price;
	}

	public boolean isActive() {
		return this.active;
	}

}
