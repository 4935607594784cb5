package shop.catalog.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.catalog.Catalog;
import shop.catalog.OrderableProduct;
import shop.catalog.ProductAdded;

/**
 * The catalog: customers read it, an administrator edits it, other modules price their
 * order lines with it through {@link Catalog}.
 */
@Service
public class ProductService implements Catalog {

	private final ProductRepository products;

	private final ApplicationEventPublisher events;

	public ProductService(ProductRepository products, ApplicationEventPublisher events) {
		this.products = products;
		this.events = events;
	}

	/**
	 * The products a customer can order.
	 * @return active products ordered by SKU, never null
	 */
	@Transactional(readOnly = true)
	public List<Product> findActive() {
		return this.products.findByActiveTrueOrderBySku();
	}

	/**
	 * One product, active or not.
	 * @param id the product's id
	 * @return the product, never null
	 * @throws ProductNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Product find(UUID id) {
		return this.products.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrderableProduct> findOrderable(Collection<String> skus) {
		return this.products.findBySkuInAndActiveTrue(skus)
			.stream()
			.map((product) -> new OrderableProduct(product.getSku(), product.getPrice()))
			.toList();
	}

	/**
	 * Adds a product to the catalog and announces it with {@link ProductAdded}.
	 * @param details the new product
	 * @return the product with its id, never null
	 * @throws DuplicateSkuException if the SKU is taken
	 */
	@Transactional
	public Product create(ProductDetails details) {
		if (this.products.existsBySku(details.sku())) {
			throw new DuplicateSkuException(details.sku());
		}
		Product product = new Product(details.sku(), details.name(), details.description(), details.price(),
				details.active());
		try {
			this.products.saveAndFlush(product);
		}
		catch (DataIntegrityViolationException ex) {
			// another administrator created the same SKU between the check and the insert
			throw new DuplicateSkuException(details.sku());
		}
		// tag::product-added[]
		// The catalog no longer writes the inventory's table: it says what happened, and
		// the inventory, listening in the same transaction, opens an empty stock record.
		this.events.publishEvent(new ProductAdded(product.getSku()));
		// end::product-added[]
		return product;
	}

	/**
	 * Changes a product's name, description, price and active flag.
	 * @param id the product's id
	 * @param details the product as it should be, with its current SKU
	 * @return the product changed, never null
	 * @throws ProductNotFoundException if there is none
	 * @throws SkuChangeException if the details name another SKU
	 */
	@Transactional
	public Product update(UUID id, ProductDetails details) {
		Product product = find(id);
		if (!product.getSku().equals(details.sku())) {
			throw new SkuChangeException(product.getSku());
		}
		product.describe(details.name(), details.description(), details.price(), details.active());
		return product;
	}

}
