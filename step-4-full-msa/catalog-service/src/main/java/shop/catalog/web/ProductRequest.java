package shop.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import shop.catalog.internal.ProductDetails;
import shop.shared.web.MoneyJson;

/**
 * The body of {@code POST /api/products} and {@code PUT /api/products/{id}}: a product
 * without its id.
 *
 * @param sku 3 to 40 characters of A-Z, 0-9 and '-'
 * @param name 1 to 100 characters
 * @param description at most 1000 characters, may be null
 * @param price the price in USD
 * @param active whether it can be ordered; null means true
 */
public record ProductRequest(
		@NotNull @Pattern(regexp = "[A-Z0-9-]{3,40}",
				message = "must be 3 to 40 characters of A-Z, 0-9 and '-'") String sku,
		@NotBlank @Size(max = 100) String name, @Size(max = 1000) String description, @NotNull @Valid MoneyJson price,
		Boolean active) {

	ProductDetails toDetails() {
		return new ProductDetails(this.sku, this.name, this.description, this.price.toMoney(),
				this.active == null || this.active);
	}

}
