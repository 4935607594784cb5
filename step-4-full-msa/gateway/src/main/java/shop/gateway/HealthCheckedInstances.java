package shop.gateway;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The instances a backend's load balancer chooses from: those the registry lists whose
 * readiness probe answered 200 in the last check. The registry drops a killed instance
 * only once its lease runs out (seconds); the check, every
 * {@code spring.cloud.loadbalancer.health-check.interval}, drops it within about a
 * second, and a read sent to it meanwhile is tried again on the next instance, which is
 * never the one that just failed ({@link FailedInstances}).
 * <p>
 * Spring Cloud builds one of these per backend, in the backend's own load-balancer
 * context ({@link ShopRoutes} names it as their default configuration), so it is no
 * {@code @Configuration} of the application. The probes go through a plain
 * {@link WebClient}: a check every second is neither a span nor a client metric.
 */
class HealthCheckedInstances {

	@Bean
	ServiceInstanceListSupplier instances(ConfigurableApplicationContext context, FailedInstances failed) {
		return ServiceInstanceListSupplier.builder()
			.withDiscoveryClient()
			.withHealthChecks(WebClient.create())
			.with((ignored, healthChecked) -> failed.leftOutOf(healthChecked))
			.build(context);
	}

}
