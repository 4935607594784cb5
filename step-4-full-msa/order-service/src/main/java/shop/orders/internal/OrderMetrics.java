package shop.orders.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The saga's outcomes as metrics: {@code shop.orders}, the number of orders in each
 * status. {@code PENDING} is the flow in progress; the other three are where it ended.
 * Counted in the table at each scrape rather than in memory, so the figures survive a
 * killed process and agree with what the API answers.
 */
@Configuration(proxyBeanMethods = false)
class OrderMetrics {

	@Bean
	MeterBinder ordersByStatus(OrderRepository orders) {
		return (registry) -> {
			for (OrderStatus status : OrderStatus.values()) {
				Gauge.builder("shop.orders", () -> orders.countByStatus(status))
					.description("Orders in this status")
					.tag("status", status.name())
					.register(registry);
			}
		};
	}

}
