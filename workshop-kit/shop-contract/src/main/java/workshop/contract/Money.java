package workshop.contract;

/**
 * An amount of money as the API writes it: minor units and an ISO 4217 currency.
 *
 * @param amount the amount in minor units (cents for {@code USD})
 * @param currency the currency code
 */
public record Money(long amount, String currency) {

	/**
	 * US dollars, the only currency of the shop.
	 * @param cents the amount in cents
	 * @return the money
	 */
	public static Money usd(long cents) {
		return new Money(cents, "USD");
	}

}
