package shop.catalog.internal;

import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shop.shared.Money;

/**
 * A product of the catalog. Its SKU is the business key and never changes; everything
 * else may be edited by an administrator. Inactive products stay readable but cannot be
 * ordered.
 */
@Entity
@Table(name = "products", schema = "catalog")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	private String sku;

	private String name;

	private String description;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "price_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "price_currency"))
	private Money price;

	private boolean active;

	protected Product() {
	}

	/**
	 * A new product; its id is assigned when it is saved.
	 * @param sku the business key, never null
	 * @param name the display name, never null
	 * @param description the description, null is stored as empty
	 * @param price the price, never null
	 * @param active whether the product can be ordered
	 */
	public Product(String sku, String name, String description, Money price, boolean active) {
		this.sku = sku;
		describe(name, description, price, active);
	}

	/**
	 * Changes everything but the SKU.
	 * @param name the display name, never null
	 * @param description the description, null is stored as empty
	 * @param price the price, never null
	 * @param active whether the product can be ordered
	 */
	public void describe(String name, String description, Money price, boolean active) {
		this.name = name;
		this.description = (description != null) ? description : "";
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
