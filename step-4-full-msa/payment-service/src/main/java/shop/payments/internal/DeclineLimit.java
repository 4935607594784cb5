package shop.payments.internal;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import shop.shared.Money;
import shop.shared.config.ShopProperties;

/**
 * The largest total the simulated provider authorizes,
 * {@code shop.payments.decline-above}.
 * <p>
 * In the refresh scope: {@code POST /actuator/refresh} reads the configuration again (the
 * config server's {@code payment-service.yml} first) and drops this bean, and the next
 * authorization gets one bound to the new value. {@link ShopProperties} cannot change
 * after start: a record is bound once, through its constructor.
 */
@Component
@RefreshScope
class DeclineLimit {

	private final Money limit;

	DeclineLimit(Environment environment) {
		ShopProperties.Payments payments = Binder.get(environment)
			.bindOrCreate("shop.payments", ShopProperties.Payments.class);
		this.limit = Money.usd(payments.declineAbove());
	}

	/**
	 * Tells whether a total is declined.
	 * @param total the order's total
	 * @return true when it is above the limit
	 */
	boolean declines(Money total) {
		return total.isGreaterThan(this.limit);
	}

}
