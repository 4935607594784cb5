package shop.catalog.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;

import shop.catalog.Catalog;
import shop.catalog.CatalogUnavailableException;
import shop.catalog.OrderableProduct;
import shop.shared.Money;
import shop.shared.config.ShopProperties;

/**
 * The catalog service over HTTP, for what the monolith still asks it: the {@link Catalog}
 * of step 1 (the active products among some SKUs, to price order lines), and, while
 * clients move over to the service, the product API that {@link ProductService} passes
 * on.
 * <p>
 * Every call has a timeout. A read that could not connect, timed out or got a 5xx is
 * tried again a few times with a short pause; a write is sent once ({@link #writeOnce}).
 * When the service cannot answer, the client throws {@link CatalogUnavailableException}:
 * a clear failure the caller can act on, never a hang. When the service refuses a product
 * call with a problem detail (404, 409, 400, ...), it throws
 * {@link CatalogProblemException} with that problem as it came.
 */
// tag::catalog-client[]
@Component
class CatalogClient implements Catalog {

	private final RestClient catalogService;

	private final RetryTemplate retry;

	private final String username;

	private final String password;

	CatalogClient(RestClient.Builder builder, ShopProperties properties) {
		ShopProperties.Catalog catalog = properties.catalog();
		HttpClient http = HttpClient.newBuilder().connectTimeout(catalog.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
		requests.setReadTimeout(catalog.timeout());
		this.catalogService = builder.baseUrl(catalog.url()).requestFactory(requests).build();
		this.retry = new RetryTemplate(RetryPolicy.builder()
			.maxRetries(catalog.attempts() - 1)
			.delay(catalog.pause())
			.predicate(CatalogClient::worthAnotherAttempt)
			.build());
		this.username = catalog.username();
		this.password = catalog.password();
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

	/**
	 * {@code GET /api/products}, or with {@code ?sku=…} when SKUs are given.
	 * @param skus the SKUs to filter by, or null for every active product
	 * @return the active products the service answered, ordered by SKU, never null
	 */
	List<Product> findActive(Collection<String> skus) {
		return read("list the products", () -> activeProducts(skus)).stream().map(CatalogProduct::toProduct).toList();
	}

	/**
	 * {@code GET /api/products/{id}}.
	 * @param id the product's id
	 * @return the product, never null
	 */
	Product find(UUID id) {
		return read("read the product " + id,
				() -> this.catalogService.get()
					.uri("/api/products/{id}", id)
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(CatalogProduct.class))
			.toProduct();
	}

	/**
	 * {@code POST /api/products} as the configured administrator.
	 * @param details the new product
	 * @return the product with the id the service gave it, never null
	 */
	Product create(ProductDetails details) {
		return writeOnce("add the product " + details.sku(),
				() -> this.catalogService.post()
					.uri("/api/products")
					.headers((headers) -> headers.setBasicAuth(this.username, this.password))
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON)
					.body(details)
					.retrieve()
					.body(CatalogProduct.class))
			.toProduct();
	}

	/**
	 * {@code PUT /api/products/{id}} as the configured administrator.
	 * @param id the product's id
	 * @param details the product as it should be
	 * @return the product changed, never null
	 */
	Product update(UUID id, ProductDetails details) {
		return writeOnce("change the product " + id,
				() -> this.catalogService.put()
					.uri("/api/products/{id}", id)
					.headers((headers) -> headers.setBasicAuth(this.username, this.password))
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON)
					.body(details)
					.retrieve()
					.body(CatalogProduct.class))
			.toProduct();
	}

	private List<CatalogProduct> activeProducts(Collection<String> skus) {
		CatalogProduct[] products = this.catalogService.get()
			.uri((UriBuilder uri) -> productList(uri, skus))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(CatalogProduct[].class);
		return (products != null) ? List.of(products) : List.of();
	}

	/**
	 * {@code /api/products}, with one {@code sku} parameter per SKU. Each SKU goes in as
	 * a URI variable, so that a character such as {@code &} is encoded, never read as
	 * syntax.
	 */
	private static URI productList(UriBuilder uri, Collection<String> skus) {
		uri.path("/api/products");
		if (skus == null) {
			return uri.build();
		}
		Object[] variables = IntStream.range(0, skus.size()).mapToObj((index) -> "{sku" + index + "}").toArray();
		return uri.queryParam("sku", variables).build(skus.toArray());
	}

	/**
	 * Whether a failed read is worth another attempt: the service could not be reached,
	 * failed on its side (5xx), or its answer stopped coming (a timeout or a closed
	 * connection while the body was read shows up as an error reading the response, with
	 * an {@link IOException} among its causes). A 4xx is an answer, and final.
	 */
	private static boolean worthAnotherAttempt(Throwable failure) {
		if (failure instanceof ResourceAccessException || failure instanceof HttpServerErrorException) {
			return true;
		}
		for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A read: tried again on connection failures, timeouts and 5xx, as often as
	 * {@code shop.catalog.attempts} says.
	 */
	private <T> T read(String what, Retryable<T> call) {
		try {
			return this.retry.execute(call);
		}
		catch (RetryException ex) {
			throw failed(what, ex.getLastException());
		}
	}

	// tag::write-once[]
	/**
	 * A write: sent once, never again. When no answer comes back (a timeout, a dropped
	 * connection, a 5xx), the write may still have reached the service and been made. A
	 * POST sent again would then create the product a second time (here the unique SKU
	 * turns that into a puzzling 409 duplicate-sku; an API without such a key would
	 * create a twin), and a PUT sent again could undo what another administrator changed
	 * in between. So the client gets a 503 and learns by reading the product whether the
	 * change was made.
	 */
	private <T> T writeOnce(String what, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (RestClientException ex) {
			throw failed(what, ex);
		}
	}
	// end::write-once[]

	/**
	 * A problem detail the service answered to a product call is the client's answer; any
	 * other failure means the service cannot answer. A 401 or 403 is about the monolith's
	 * own login, which no client can fix: the service counts as unavailable then.
	 */
	private static RuntimeException failed(String what, Throwable failure) {
		if (failure instanceof HttpClientErrorException refused && isProblem(refused)
				&& refused.getStatusCode().value() != 401 && refused.getStatusCode().value() != 403) {
			return new CatalogProblemException(refused.getStatusCode(), refused.getResponseBodyAsByteArray());
		}
		String reason = (failure instanceof HttpClientErrorException refused && refused.getStatusCode().value() == 401)
				? "it refused the monolith's login; set shop.catalog.username and shop.catalog.password to its administrator"
				: failure.getMessage();
		return new CatalogUnavailableException("The catalog service could not " + what + ": " + reason, failure);
	}

	private static boolean isProblem(HttpClientErrorException refused) {
		MediaType type = (refused.getResponseHeaders() != null) ? refused.getResponseHeaders().getContentType() : null;
		return type != null && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
	}

	/**
	 * A product as the catalog service sends it.
	 *
	 * @param id its id
	 * @param sku its SKU
	 * @param name its name
	 * @param description its description, possibly empty
	 * @param price its price now
	 * @param active whether it can be ordered
	 */
	record CatalogProduct(UUID id, String sku, String name, String description, Money price, boolean active) {

		Product toProduct() {
			return new Product(this.id, this.sku, this.name, this.description, this.price, this.active);
		}

	}

}
// end::catalog-client[]
