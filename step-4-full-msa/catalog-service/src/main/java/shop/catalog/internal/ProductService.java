package shop.catalog.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog: customers read it, an administrator edits it; every change reaches the
 * other services through the change stream.
 */
@Service
public class ProductService {

	private final ProductRepository products;

	public ProductService(ProductRepository products) {
		this.products = products;
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

	/**
	 * The active products among some SKUs, as a client pricing order lines asks.
	 * @param skus the SKUs to look up, never null
	 * @return the active products found, ordered by SKU; unknown and inactive SKUs are
	 * left out; never null
	 */
	@Transactional(readOnly = true)
	public List<Product> findActive(Collection<String> skus) {
		return this.products.findBySkuInAndActiveTrue(skus)
			.stream()
			.sorted(Comparator.comparing(Product::getSku))
			.toList();
	}

	/**
	 * Adds a product to the catalog. The inventory service learns of it from the change
	 * stream.
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
