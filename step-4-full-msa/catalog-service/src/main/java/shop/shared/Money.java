package shop.shared;

import jakarta.persistence.Embeddable;

/**
 * An amount of money in minor units (cents) of an ISO 4217 currency:
 * {@code Money(1250, "USD")} is $12.50. Immutable; the currency is never null.
 *
 * @param amount the amount in minor units
 * @param currency the ISO 4217 code, for example {@code USD}
 */
@Embeddable
public record Money(long amount, String currency) {

	/** The one currency the shop sells in. */
	public static final String USD = "USD";

	/**
	 * An amount of US dollars in cents.
	 * @param cents the amount in minor units
	 * @return the money
	 */
	public static Money usd(long cents) {
		return new Money(cents, USD);
	}

	/**
	 * This amount taken {@code times} times.
	 * @param times how many times
	 * @return the product, in the same currency
	 */
	public Money times(int times) {
		return new Money(Math.multiplyExact(this.amount, times), this.currency);
	}

	/**
	 * The sum of this amount and another one in the same currency.
	 * @param other the amount to add, same currency
	 * @return the sum
	 * @throws IllegalArgumentException if the currencies differ
	 */
	public Money plus(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot add " + other.currency + " to " + this.currency);
		}
		return new Money(Math.addExact(this.amount, other.amount), this.currency);
	}

	/**
	 * Whether this amount is strictly greater than another one in the same currency.
	 * @param other the amount to compare with
	 * @return true if this amount is larger
	 * @throws IllegalArgumentException if the currencies differ
	 */
	public boolean isGreaterThan(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot compare " + other.currency + " with " + this.currency);
		}
		return this.amount > other.amount;
	}

}
