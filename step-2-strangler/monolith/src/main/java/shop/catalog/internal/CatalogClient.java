package shop.catalog.internal;

import java.net.http.HttpClient;
import java.util.Collection;
import java.util.List;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import shop.catalog.Catalog;
import shop.catalog.CatalogUnavailableException;
import shop.catalog.OrderableProduct;
import shop.shared.Money;
import shop.shared.config.ShopProperties;

/**
 * The {@link Catalog} of step 1, answered by the catalog service over HTTP: it asks
 * {@code GET /api/products?sku=…} for the active products among some SKUs.
 * <p>
 * Every call has a timeout, and a call that could not connect, timed out or got a 5xx is
 * tried again a few times with a short pause. When no attempt succeeds it throws
 * {@link CatalogUnavailableException}: a clear failure the caller can act on, never a
 * hang.
 */
// tag::catalog-client[]
@Component
class CatalogClient implements Catalog {

	private final RestClient catalogService;

	private final RetryTemplate retry;

	CatalogClient(RestClient.Builder builder, ShopProperties properties) {
		ShopProperties.Catalog catalog = properties.catalog();
		HttpClient http = HttpClient.newBuilder().connectTimeout(catalog.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(catalog.timeout());
		this.catalogService = builder.baseUrl(catalog.url()).requestFactory(requests).build();
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(catalog.attempts() - 1)
			.delay(catalog.pause())
			.includes(ResourceAccessException.class, HttpServerErrorException.class)
			.build());
	}

	@Override
	public List<OrderableProduct> findOrderable(Collection<String> skus) {
		try {
			List<CatalogProduct> products = this.retry.execute(() -> activeProducts(skus));
			return products.stream().map((product) -> new OrderableProduct(product.sku(), product.price())).toList();
		}
		catch (RetryException ex) {
			throw new CatalogUnavailableException(
					"The catalog service could not price " + skus + ": " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	private List<CatalogProduct> activeProducts(Collection<String> skus) {
		CatalogProduct[] products = this.catalogService.get()
			.uri((UriBuilder uri) -> uri.path("/api/products").queryParam("sku", skus.toArray()).build())
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(CatalogProduct[].class);
		return (products != null) ? List.of(products) : List.of();
	}

	/**
	 * The part of the catalog service's product this client reads; other fields are
	 * ignored.
	 *
	 * @param sku the product's SKU
	 * @param price its price now
	 */
	record CatalogProduct(String sku, Money price) {
	}

}
// end::catalog-client[]
