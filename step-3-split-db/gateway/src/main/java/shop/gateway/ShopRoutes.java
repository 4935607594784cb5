package shop.gateway;

import java.net.URI;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's routes, tried in order:
 * <ol>
 * <li>the product endpoints, reads and admin writes, to the catalog service;</li>
 * <li>everything else (the API, the storefront and its files) to the monolith, except
 * {@code /actuator/**}: the backends' actuators stay private, and the gateway's own
 * actuator answers there.</li>
 * </ol>
 * Each backend has its own circuit breaker and timeout; when it cannot answer, the
 * request is forwarded to {@link Fallbacks}.
 */
@Configuration(proxyBeanMethods = false)
class ShopRoutes {

	static final String[] PRODUCTS = { "/api/products", "/api/products/**" };

	/** The backends, named as in their {@code X-Served-By}; each names its breaker. */
	private static final String CATALOG_SERVICE = "catalog-service";

	private static final String MONOLITH = "monolith";

	@Bean
	RouteLocator routeLocator(RouteLocatorBuilder routes, GatewayProperties properties) {
		URI monolith = required(properties.monolithUrl(), "shop.gateway.monolith-url");
		URI catalog = required(properties.catalogUrl(), "shop.gateway.catalog-url");
		return routes.routes()
			// tag::strangled-routes[]
			.route("catalog-service",
					(route) -> route.order(0)
						.path(PRODUCTS)
						.filters((filters) -> guarded(filters, CATALOG_SERVICE, Fallbacks.CATALOG_SERVICE))
						.uri(catalog))
			// end::strangled-routes[]
			.route("monolith",
					(route) -> route.order(1)
						.path("/**")
						.and()
						.not((path) -> path.path("/actuator", "/actuator/**"))
						.filters((filters) -> guarded(filters, MONOLITH, Fallbacks.MONOLITH))
						.uri(monolith))
			.build();
	}

	/**
	 * Puts the backend's circuit breaker (with its timeout) on a route, failing over to a
	 * fallback path of the gateway. One breaker per backend: the routes to one app share
	 * it.
	 */
	private static GatewayFilterSpec guarded(GatewayFilterSpec filters, String backend, String fallbackPath) {
		return filters.circuitBreaker((breaker) -> breaker.setName(backend).setFallbackUri("forward:" + fallbackPath));
	}

	private static URI required(URI url, String property) {
		if (url == null) {
			throw new IllegalStateException(
					"The gateway needs " + property + ", the base URL of that backend (e.g. http://localhost:8081)");
		}
		return url;
	}

}
