package shop.shared.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's own settings, under {@code shop.*} in {@code application.yml}.
 *
 * @param payments how the simulated payment provider answers
 * @param events how long handled events stay in the event publication registry
 * @param database the database role the service works as
 */
@ConfigurationProperties("shop")
public record ShopProperties(@DefaultValue Payments payments, @DefaultValue Events events,
		@DefaultValue Database database) {

	/**
	 * The simulated payment provider.
	 *
	 * @param declineAbove the largest total authorized, in minor units: any order above
	 * it is declined ({@code 100000}, $1,000.00, by default)
	 */
	public record Payments(@DefaultValue("100000") long declineAbove) {
	}

	/**
	 * The event publication registry's housekeeping.
	 *
	 * @param keepCompleted how long a handled event stays in the registry (an hour by
	 * default)
	 * @param cleanupEvery how often old handled events are deleted (every ten minutes by
	 * default)
	 */
	public record Events(@DefaultValue("PT1H") Duration keepCompleted, @DefaultValue("PT10M") Duration cleanupEvery) {
	}

	/**
	 * The service's own database role, created by its migrations with grants on its own
	 * schemas only. The defaults are for the workshop only.
	 *
	 * @param role the role's name, {@code order_service} by default (the migrations
	 * create this name)
	 * @param password its password, {@code orders} by default
	 */
	public record Database(@DefaultValue("order_service") String role, @DefaultValue("orders") String password) {
	}

}
