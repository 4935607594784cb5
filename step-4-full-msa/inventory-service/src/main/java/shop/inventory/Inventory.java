package shop.inventory;

import java.util.List;
import java.util.UUID;

/**
 * What other modules may ask the inventory: hold units for an order, then take them or
 * give them back. Every method is keyed by the order's id and does its work once: called
 * again for the same order, it changes nothing, so a redelivered event cannot reserve or
 * release twice.
 */
// tag::inventory-api[]
public interface Inventory {

	/**
	 * Reserves the units of every line, or none. Publishes {@link StockReserved} or, if a
	 * line asks for more units than are available, {@link StockShort}.
	 * @param orderId the order the units are for, never null
	 * @param lines the units asked for, at least one, each SKU at most once
	 */
	void reserve(UUID orderId, List<Line> lines);

	/**
	 * Ships the units reserved for an order: they leave both reserved and on hand.
	 * Publishes {@link StockTaken}.
	 * @param orderId the order, never null
	 */
	void takeReserved(UUID orderId);

	/**
	 * Gives the units reserved for an order back, for an order that did not go through.
	 * Publishes {@link StockReleased}.
	 * @param orderId the order, never null
	 */
	void release(UUID orderId);

	/**
	 * Puts the units taken for an order back on hand, for a cancelled order. Publishes
	 * {@link StockPutBack}.
	 * @param orderId the order, never null
	 */
	void putBack(UUID orderId);

	/**
	 * Units of one SKU.
	 *
	 * @param sku the SKU, never null
	 * @param quantity a positive number of units
	 */
	record Line(String sku, int quantity) {
	}

}
// end::inventory-api[]
