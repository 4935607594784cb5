package shop.inventory.internal;

/**
 * Thrown when an administrator sets fewer units on hand than are reserved for orders.
 */
public class StockBelowReservedException extends RuntimeException {

	public StockBelowReservedException(Stock stock, int onHand) {
		super("Cannot set " + onHand + " units on hand for " + stock.getSku() + ": " + stock.getReserved()
				+ " are reserved for orders being placed. Set at least " + stock.getReserved() + ".");
	}

}
