package shop.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import shop.catalog.Catalog;
import shop.catalog.CatalogUnavailableException;
import shop.catalog.OrderableProduct;
import shop.catalog.internal.CatalogService.CatalogProduct;
import shop.shared.config.ShopProperties;

/**
 * What the monolith asks the catalog service: the {@link Catalog} (the active products
 * among some SKUs, to price order lines) and the product API that {@link ProductService}
 * passes on.
 * <p>
 * A read is tried again, {@code shop.catalog.attempts} times in all, unless the service
 * answered it with a 4xx. A write is sent once. Every method throws
 * {@link CatalogProblemException} when the service refused the call with a problem
 * detail, and {@link CatalogUnavailableException} when it could not answer; it never
 * hangs ({@link CatalogConnections}).
 */
// tag::catalog-client[]
@Component
class CatalogClient implements Catalog {

	private final CatalogService catalogService;

	private final RetryTemplate retry;

	private final String login;

	CatalogClient(RestClient.Builder builder, ShopProperties properties) {
		ShopProperties.Catalog settings = properties.catalog();
		this.catalogService = CatalogConnections.catalogService(builder, settings);
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(settings.attempts() - 1)
			.delay(settings.pause())
			.includes(RestClientException.class)
			.excludes(HttpClientErrorException.class)
			.build());
		this.login = "Basic "
				+ HttpHeaders.encodeBasicAuth(settings.username(), settings.password(), StandardCharsets.UTF_8);
	}

	@Override
	public List<OrderableProduct> findOrderable(Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		try {
			return read("price " + skus, () -> this.catalogService.findActive(skus)).stream()
				.map((product) -> new OrderableProduct(product.sku(), product.price()))
				.toList();
		}
		catch (CatalogProblemException ex) {
			// other modules know one failure of the catalog: it cannot answer them
			throw new CatalogUnavailableException("The catalog service refused to price " + skus, ex);
		}
	}

	/**
	 * The active products.
	 * @param skus only these SKUs, or null for all
	 * @return the products ordered by SKU, never null
	 */
	List<Product> findActive(Collection<String> skus) {
		return read("list the products", () -> this.catalogService.findActive(skus)).stream()
			.map(CatalogProduct::toProduct)
			.toList();
	}

	/**
	 * One product, active or not.
	 * @param id the product's id
	 * @return the product, never null
	 */
	Product find(UUID id) {
		return read("read the product " + id, () -> this.catalogService.find(id)).toProduct();
	}

	/**
	 * Adds a product, as the service's administrator.
	 * @param details the new product
	 * @return the product with the id the service gave it, never null
	 */
	Product create(ProductDetails details) {
		return writeOnce("add the product " + details.sku(), () -> this.catalogService.create(this.login, details))
			.toProduct();
	}

	/**
	 * Changes a product, as the service's administrator.
	 * @param id the product's id
	 * @param details the product as it should be
	 * @return the product changed, never null
	 */
	Product update(UUID id, ProductDetails details) {
		return writeOnce("change the product " + id, () -> this.catalogService.update(this.login, id, details))
			.toProduct();
	}

	private <T> T read(String what, Supplier<T> call) {
		try {
			return this.retry.invoke(call);
		}
		catch (RestClientException ex) {
			throw translate(what, ex);
		}
	}

	// tag::write-once[]
	/**
	 * A write is sent once, never again. A write that got no answer (a timeout, a dropped
	 * connection, a 5xx) may still have been made: a POST sent again would meet its own
	 * product (a puzzling 409 duplicate-sku), a PUT sent again could undo another
	 * administrator's change. The client gets a 503 and reads the product to see.
	 */
	private <T> T writeOnce(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			throw translate(what, ex);
		}
	}
	// end::write-once[]

	/**
	 * What a failed call means, in one place. A problem detail the service answered (a
	 * 4xx) is the client's answer, relayed as it came. A refused login (401, 403) is the
	 * monolith's configuration, which no client can fix, so the service counts as
	 * unavailable, as it does when there is no answer or a 5xx.
	 */
	private static RuntimeException translate(String what, RestClientException failure) {
		if (failure instanceof HttpClientErrorException refused) {
			int status = refused.getStatusCode().value();
			if (status == 401 || status == 403) {
				return new CatalogUnavailableException(
						"The catalog service refused the monolith's login to " + what
								+ "; set shop.catalog.username and shop.catalog.password to its administrator",
						refused);
			}
			MediaType type = refused.getResponseHeaders().getContentType();
			if (type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)) {
				return new CatalogProblemException(refused.getStatusCode(), refused.getResponseBodyAsByteArray());
			}
		}
		return new CatalogUnavailableException("The catalog service could not " + what + ": " + failure.getMessage(),
				failure);
	}

}
// end::catalog-client[]
