package shop.inventory.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The units of one SKU in the warehouse. {@code reserved} units are held for orders being
 * placed; {@code available = onHand - reserved} is never negative (the database checks it
 * too). Callers change stock under a row lock.
 */
@Entity
@Table(name = "stock", schema = "inventory")
public class Stock {

	@Id
	private String sku;

	private int onHand;

	private int reserved;

	@Version
	private Long version;

	protected Stock() {
	}

	/**
	 * The stock of a new SKU, nothing on hand.
	 * @param sku the product's SKU, never null
	 */
	public Stock(String sku) {
		this.sku = sku;
	}

	/**
	 * Whether {@code quantity} units can be reserved now.
	 * @param quantity a positive number of units
	 * @return true if enough units are available
	 */
	public boolean canReserve(int quantity) {
		return quantity <= available();
	}

	/**
	 * Holds units for an order being placed.
	 * @param quantity a positive number of units, at most {@link #available()}
	 * @throws IllegalStateException if not enough units are available
	 */
	public void reserve(int quantity) {
		if (!canReserve(quantity)) {
			throw new IllegalStateException("Only " + available() + " units of " + this.sku + " are available");
		}
		this.reserved += quantity;
	}

	/**
	 * Gives reserved units back, for an order that did not go through.
	 * @param quantity units reserved before
	 */
	public void release(int quantity) {
		this.reserved -= quantity;
	}

	/**
	 * Ships reserved units: they leave both {@code reserved} and {@code onHand}.
	 * @param quantity units reserved before
	 */
	public void takeReserved(int quantity) {
		this.reserved -= quantity;
		this.onHand -= quantity;
	}

	/**
	 * Puts units back on hand, for example from a cancelled order.
	 * @param quantity a positive number of units
	 */
	public void putBack(int quantity) {
		this.onHand += quantity;
	}

	/**
	 * Sets the units on hand after a count in the warehouse.
	 * @param onHand the units on hand, at least {@link #getReserved()}
	 * @throws IllegalArgumentException if fewer than the reserved units
	 */
	public void count(int onHand) {
		if (onHand < this.reserved) {
			throw new IllegalArgumentException(
					onHand + " units on hand are fewer than the " + this.reserved + " reserved");
		}
		this.onHand = onHand;
	}

	public String getSku() {
		return this.sku;
	}

	public int getOnHand() {
		return this.onHand;
	}

	public int getReserved() {
		return this.reserved;
	}

	public int available() {
		return this.onHand - this.reserved;
	}

}
