package shop.catalog.internal;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import shop.shared.config.ShopProperties;

/**
 * How the monolith reaches the catalog service: over a pool of kept-alive connections
 * (Apache HttpClient 5), so that a call costs one request on an open socket, not a new
 * connection or a new thread.
 * <p>
 * Every call waits at most {@code shop.catalog.timeout} for a pooled connection, to
 * connect, and then for each part of the answer. The HTTP client never sends a request
 * again by itself: {@link CatalogClient} alone decides what is tried again.
 */
// tag::catalog-connections[]
final class CatalogConnections {

	/**
	 * More than the monolith's requests can use at once, far below what the service
	 * takes.
	 */
	private static final int MAX_CONNECTIONS = 64;

	private CatalogConnections() {
	}

	/**
	 * The catalog service's API at {@code shop.catalog.url}.
	 * @param builder a builder with the application's JSON settings
	 * @param settings where the service is, and its timeout
	 * @return the API, never null
	 */
	static CatalogService catalogService(RestClient.Builder builder, ShopProperties.Catalog settings) {
		Timeout timeout = Timeout.of(settings.timeout());
		CloseableHttpClient http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(MAX_CONNECTIONS)
				.setMaxConnPerRoute(MAX_CONNECTIONS)
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout).build())
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout).build())
			.disableAutomaticRetries()
			.build();
		RestClient restClient = builder.baseUrl(settings.url())
			.requestFactory(new HttpComponentsClientHttpRequestFactory(http))
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient))
			.build()
			.createClient(CatalogService.class);
	}

}
// end::catalog-connections[]
