package shop.orders.internal;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;

import shop.shared.Money;

/**
 * One line of an order: a SKU, a quantity and the unit price captured when the order was
 * placed, so later price changes do not touch it.
 */
@Embeddable
public class OrderLine {

	// tag::order-line-sku[]
	// An order line keeps the SKU and the price it was sold at: the catalog's data,
	// copied when the order was placed, not a link into the catalog's table.
	private String sku;

	private int quantity;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "unit_price_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "unit_price_currency"))
	private Money unitPrice;

	// end::order-line-sku[]

	protected OrderLine() {
	}

	/**
	 * A line priced at the catalog's current price.
	 * @param sku the SKU ordered, never null
	 * @param quantity a positive number of units
	 * @param unitPrice the product's price now, never null
	 */
	public OrderLine(String sku, int quantity, Money unitPrice) {
		this.sku = sku;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	public String getSku() {
		return this.sku;
	}

	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * The price captured when the order was placed.
	 * @return the unit price, null on a line of an order rejected with
	 * {@link OrderReason#CATALOG_UNAVAILABLE}
	 */
	public Money getUnitPrice() {
		return this.unitPrice;
	}

	/**
	 * The line's amount: quantity times unit price, nothing if the line was never priced.
	 * @return the amount, never null
	 */
	public Money amount() {
		return (this.unitPrice != null) ? this.unitPrice.times(this.quantity) : Money.usd(0);
	}

}
