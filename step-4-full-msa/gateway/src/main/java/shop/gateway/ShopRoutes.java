package shop.gateway;

import java.io.IOException;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The gateway's routes: the product endpoints to the catalog service, the stock endpoints
 * to the inventory service, the order endpoints to the order service. The gateway answers
 * everything else itself: the storefront's files (its static resources), its own
 * actuator, and a 404 problem for any other path. The backends' actuators stay private.
 * <p>
 * Each backend is found by name in the step's registry ({@code lb://<name>}): Spring
 * Cloud LoadBalancer sends each request to the next of its healthy instances. A read that
 * cannot reach an instance is tried again on the next one; a write is not (it may have
 * reached the first).
 * <p>
 * Each backend has its own circuit breaker and timeout; when it cannot answer, the
 * request is forwarded to {@link Fallbacks}.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class ShopRoutes {

	static final String[] PRODUCTS = { "/api/products", "/api/products/**" };

	static final String[] INVENTORY = { "/api/inventory", "/api/inventory/**" };

	static final String[] ORDERS = { "/api/orders", "/api/orders/**" };

	/** The backends, named as in their {@code X-Served-By}; each names its breaker. */
	private static final String CATALOG_SERVICE = "catalog-service";

	private static final String INVENTORY_SERVICE = "inventory-service";

	private static final String ORDER_SERVICE = "order-service";

	/**
	 * How often a read that reached no instance is tried again, each time on the next
	 * one.
	 */
	private static final int READ_RETRIES = 2;

	// tag::service-routes[]
	@Bean
	RouteLocator routeLocator(RouteLocatorBuilder routes) {
		return routes.routes()
			.route(CATALOG_SERVICE,
					(route) -> route.path(PRODUCTS)
						.filters((filters) -> guarded(filters, CATALOG_SERVICE))
						.uri("lb://" + CATALOG_SERVICE))
			.route(INVENTORY_SERVICE,
					(route) -> route.path(INVENTORY)
						.filters((filters) -> guarded(filters, INVENTORY_SERVICE))
						.uri("lb://" + INVENTORY_SERVICE))
			.route(ORDER_SERVICE,
					(route) -> route.path(ORDERS)
						.filters((filters) -> guarded(filters, ORDER_SERVICE))
						.uri("lb://" + ORDER_SERVICE))
			.build();
	}
	// end::service-routes[]

	/**
	 * Puts the backend's circuit breaker (with its timeout) on a route, failing over to
	 * the backend's fallback path of the gateway, and inside it the retry of reads. One
	 * breaker per backend: the routes to one app share it. The breaker's timeout bounds a
	 * request with all its tries.
	 */
	// tag::retried-reads[]
	private static GatewayFilterSpec guarded(GatewayFilterSpec filters, String backend) {
		return filters
			.circuitBreaker((breaker) -> breaker.setName(backend).setFallbackUri("forward:" + Fallbacks.PATH + backend))
			.retry((retry) -> retry.setRetries(READ_RETRIES)
				.setMethods(HttpMethod.GET, HttpMethod.HEAD)
				.setSeries()
				.setExceptions(IOException.class));
	}
	// end::retried-reads[]

}
