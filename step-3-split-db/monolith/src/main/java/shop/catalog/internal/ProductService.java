package shop.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import shop.catalog.CatalogUnavailableException;

/**
 * The catalog as the product API sees it: customers read it, an administrator edits it.
 * <p>
 * A facade for the migration (branch by abstraction). The products left the monolith with
 * the catalog service, but clients the gateway still sends here (cutover weight below
 * 100, or a rollback to 0) must get the same answers. So the controller calls the same
 * methods as ever, and the catalog service answers them, through {@link CatalogClient}.
 * When every client is on the service for good, this class goes, with the controller.
 * <p>
 * Every method throws {@link CatalogProblemException} when the service refuses the call
 * with a problem detail (404 {@code product-not-found}, 409 {@code duplicate-sku}, 400
 * for a SKU change), and {@link CatalogUnavailableException} when it cannot answer.
 */
@Service
public class ProductService {

	private final CatalogClient catalogService;

	ProductService(CatalogClient catalogService) {
		this.catalogService = catalogService;
	}

	/**
	 * The products a customer can order.
	 * @return active products ordered by SKU, never null
	 */
	public List<Product> findActive() {
		return this.catalogService.findActive(null);
	}

	/**
	 * The active products among some SKUs, as the catalog service answers {@code ?sku=…}.
	 * @param skus the SKUs to look up, never null
	 * @return the active products found, ordered by SKU, never null
	 */
	public List<Product> findActive(Collection<String> skus) {
		return this.catalogService.findActive(skus);
	}

	/**
	 * One product, active or not.
	 * @param id the product's id
	 * @return the product, never null
	 */
	public Product find(UUID id) {
		return this.catalogService.find(id);
	}

	/**
	 * Adds a product to the catalog. The inventory learns of it when its stock is first
	 * read or counted.
	 * @param details the new product
	 * @return the product with its id, never null
	 */
	public Product create(ProductDetails details) {
		return this.catalogService.create(details);
	}

	/**
	 * Changes a product's name, description, price and active flag.
	 * @param id the product's id
	 * @param details the product as it should be, with its current SKU
	 * @return the product changed, never null
	 */
	public Product update(UUID id, ProductDetails details) {
		return this.catalogService.update(id, details);
	}

}
