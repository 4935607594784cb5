package shop.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One line of an order: a product, a quantity and the unit price captured when the order
 * was placed, so later price changes do not touch it.
 */
@Embeddable
public class OrderLine {

	// tag::order-line-product[]
	// An order line points at the catalog's product row (a foreign key to products.id):
	// orders cannot live without the catalog's table. Step 1 replaces it with the SKU.
	@ManyToOne(optional = false)
	@JoinColumn(name = "product_id")
	private Product product;

	// end::order-line-product[]

	private int quantity;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "unit_price_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "unit_price_currency"))
	private Money unitPrice;

	protected OrderLine() {
	}

	/**
	 * A line priced at the product's current price.
	 * @param product the product ordered, never null
	 * @param quantity a positive number of units
	 */
	public OrderLine(Product product, int quantity) {
		this.product = product;
		this.quantity = quantity;
		this.unitPrice = product.getPrice();
	}

	public Product getProduct() {
		return this.product;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public Money getUnitPrice() {
		return this.unitPrice;
	}

	/**
	 * The line's amount: quantity times unit price.
	 * @return the amount, never null
	 */
	public Money amount() {
		return this.unitPrice.times(this.quantity);
	}

}
