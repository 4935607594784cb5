package shop.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's own settings, under {@code shop.*} in {@code application.yml}.
 *
 * @param admin who may change the catalog and the stock
 * @param payments how the simulated payment provider answers
 */
@ConfigurationProperties("shop")
public record ShopProperties(@DefaultValue Admin admin, @DefaultValue Payments payments) {

	/**
	 * The one administrator, authenticated with HTTP Basic. The defaults are for the
	 * workshop only.
	 *
	 * @param username the user name, {@code admin} by default
	 * @param password the password, {@code admin} by default
	 */
	public record Admin(@DefaultValue("admin") String username, @DefaultValue("admin") String password) {
	}

	/**
	 * The simulated payment provider.
	 *
	 * @param declineAbove the largest total authorized, in minor units: any order above
	 * it is declined ({@code 100000}, $1,000.00, by default)
	 */
	public record Payments(@DefaultValue("100000") long declineAbove) {
	}

}
