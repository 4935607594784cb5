package shop.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.annotation.PutExchange;

import shop.shared.Money;

/**
 * The catalog service's product API, as the monolith calls it. Spring implements this
 * interface ({@link CatalogConnections#catalogService}): each method is one HTTP request.
 * A method returns the service's answer, or throws a
 * {@link org.springframework.web.client.RestClientException} when there is none or it is
 * an error; {@link CatalogClient} decides what that means.
 */
// tag::catalog-service[]
@HttpExchange(url = "/api/products", accept = MediaType.APPLICATION_JSON_VALUE)
interface CatalogService {

	/**
	 * {@code GET /api/products}, or {@code ?sku=A&sku=B} (each SKU encoded).
	 * @param skus the SKUs to filter by, or null for every active product
	 * @return the active products, ordered by SKU
	 */
	@GetExchange
	List<CatalogProduct> findActive(@RequestParam(name = "sku", required = false) Collection<String> skus);

	/** {@code GET /api/products/{id}}: one product, active or not. */
	@GetExchange("/{id}")
	CatalogProduct find(@PathVariable UUID id);

	/** {@code POST /api/products}: needs the service's administrator ({@code login}). */
	@PostExchange(contentType = MediaType.APPLICATION_JSON_VALUE)
	CatalogProduct create(@RequestHeader(HttpHeaders.AUTHORIZATION) String login, @RequestBody ProductDetails details);

	/**
	 * {@code PUT /api/products/{id}}: needs the service's administrator ({@code login}).
	 */
	@PutExchange(url = "/{id}", contentType = MediaType.APPLICATION_JSON_VALUE)
	CatalogProduct update(@RequestHeader(HttpHeaders.AUTHORIZATION) String login, @PathVariable UUID id,
			@RequestBody ProductDetails details);

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
// end::catalog-service[]
