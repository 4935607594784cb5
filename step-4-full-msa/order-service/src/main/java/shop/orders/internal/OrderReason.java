package shop.orders.internal;

/**
 * Why an order was rejected or cancelled. The names are stable codes of the API.
 */
public enum OrderReason {

	/** A line asked for more units than were available. */
	OUT_OF_STOCK,

	/** The payment provider declined the total. */
	PAYMENT_DECLINED,

	/**
	 * The catalog service could not be reached to price the lines. Orders are priced from
	 * the monolith's replica of the catalog, which never gives this answer; orders that
	 * carry it may still be in the database, unpriced, and stay readable.
	 */
	CATALOG_UNAVAILABLE,

	/** The customer cancelled a confirmed order. */
	CANCELLED_BY_CUSTOMER

}
