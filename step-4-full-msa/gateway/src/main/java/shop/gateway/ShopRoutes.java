package shop.gateway;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's routes: the product endpoints to the catalog service, the stock endpoints
 * to the inventory service, the order endpoints to the order service. The gateway answers
 * everything else itself: the storefront's files (its static resources), its own
 * actuator, and a 404 problem for any other path. The backends' actuators stay private.
 * <p>
 * Each backend has its own circuit breaker and timeout; when it cannot answer, the
 * request is forwarded to {@link Fallbacks}.
 */
@Configuration(proxyBeanMethods = false)
class ShopRoutes {

	static final String[] PRODUCTS = { "/api/products", "/api/products/**" };

	static final String[] INVENTORY = { "/api/inventory", "/api/inventory/**" };

	static final String[] ORDERS = { "/api/orders", "/api/orders/**" };

	/** The backends, named as in their {@code X-Served-By}; each names its breaker. */
	private static final String CATALOG_SERVICE = "catalog-service";

	private static final String INVENTORY_SERVICE = "inventory-service";

	private static final String ORDER_SERVICE = "order-service";

	// tag::service-routes[]
	@Bean
	RouteLocator routeLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
		return routes.routes()
			.route(CATALOG_SERVICE,
					(route) -> route.path(PRODUCTS)
						.filters((filters) -> guarded(filters, CATALOG_SERVICE))
						.uri(required(properties.catalogUrl(), "shop.gateway.catalog-url")))
			.route(INVENTORY_SERVICE,
					(route) -> route.path(INVENTORY)
						.filters((filters) -> guarded(filters, INVENTORY_SERVICE))
						.uri(required(properties.inventoryUrl(), "shop.gateway.inventory-url")))
			.route(ORDER_SERVICE,
					(route) -> route.path(ORDERS)
						.filters((filters) -> guarded(filters, ORDER_SERVICE))
						.uri(required(properties.orderUrl(), "shop.gateway.order-url")))
			.build();
	}
	// end::service-routes[]

	/**
	 * Puts the backend's circuit breaker (with its timeout) on a route, failing over to
	 * the backend's fallback path of the gateway. One breaker per backend: the routes to
	 * one app share it.
	 */
	private static GatewayFilterSpec guarded(GatewayFilterSpec filters, String backend) {
		return filters.circuitBreaker(
				(breaker) -> breaker.setName(backend).setFallbackUri("forward:" + Fallbacks.PATH + backend));
	}

	private static URI required(URI url, String property) {
		if (url == null) {
			throw new IllegalStateException(
					"The gateway needs " + property + ", the base URL of that backend (e.g. http://localhost:8081)");
		}
		return url;
	}

}
