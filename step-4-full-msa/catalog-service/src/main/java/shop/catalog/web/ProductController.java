package shop.catalog.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import shop.catalog.internal.Product;
import shop.catalog.internal.ProductService;
import shop.catalog.cdc.SubscribersWait;

/**
 * The catalog API: anyone reads products, an administrator creates and edits them. Each
 * write is answered once the stream's subscribers have it ({@link SubscribersWait}).
 */
@RestController
@RequestMapping("/api/products")
public class ProductController {

	private final ProductService productService;

	private final SubscribersWait subscribers;

	public ProductController(ProductService productService, SubscribersWait subscribers) {
		this.productService = productService;
		this.subscribers = subscribers;
	}

	/**
	 * The active products, or with {@code ?sku=A&sku=B} only those among the SKUs named
	 * (a client pricing order lines asks this way). Unknown and inactive SKUs are left
	 * out.
	 */
	@GetMapping
	public List<ProductResponse> listActive(@RequestParam(name = "sku", required = false) List<String> skus) {
		List<Product> found = (skus != null) ? this.productService.findActive(skus) : this.productService.findActive();
		return found.stream().map(ProductResponse::from).toList();
	}

	@GetMapping("/{id}")
	public ProductResponse find(@PathVariable UUID id) {
		return ProductResponse.from(this.productService.find(id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<ProductResponse> create(@Valid @RequestBody ProductRequest request) {
		Product product = this.productService.create(request.toDetails());
		this.subscribers.awaitApplied(product);
		return ResponseEntity.created(URI.create("/api/products/" + product.getId()))
			.body(ProductResponse.from(product));
	}

	@PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	public ProductResponse update(@PathVariable UUID id, @Valid @RequestBody ProductRequest request) {
		Product product = this.productService.update(id, request.toDetails());
		this.subscribers.awaitApplied(product);
		return ProductResponse.from(product);
	}

}
