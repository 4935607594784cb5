package shop.shared.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import shop.shared.Money;

/**
 * Money as a client sends it: an amount in minor units and a currency, which must be USD.
 *
 * @param amount the amount in cents, 1 to 100,000,000
 * @param currency the ISO 4217 code, {@code USD}
 */
public record MoneyJson(@NotNull @Min(1) @Max(100_000_000) Long amount,
		@NotNull @Pattern(regexp = "USD", message = "must be USD") String currency) {

	/**
	 * The money this JSON stands for.
	 * @return the money, never null
	 */
	public Money toMoney() {
		return new Money(this.amount, this.currency);
	}

}
