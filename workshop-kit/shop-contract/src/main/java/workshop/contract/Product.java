package workshop.contract;

/**
 * A product as the API answers it.
 *
 * @param id the id the shop assigned
 * @param sku the stock keeping unit, unique and unchangeable
 * @param name the display name
 * @param description the description, never null on output
 * @param price the current catalog price
 * @param active whether the product is for sale
 */
public record Product(String id, String sku, String name, String description, Money price, boolean active) {

	/**
	 * The body to create or update this product with: the product without its id.
	 * @return the request body
	 */
	public NewProduct withoutId() {
		return new NewProduct(this.sku, this.name, this.description, this.price, this.active);
	}

	/**
	 * The body to create or update a product with.
	 *
	 * @param sku the stock keeping unit
	 * @param name the display name
	 * @param description the description, may be null
	 * @param price the price
	 * @param active whether the product is for sale, may be null (meaning {@code true})
	 */
	public record NewProduct(String sku, String name, String description, Money price, Boolean active) {

		NewProduct withName(String newName) {
			return new NewProduct(this.sku, newName, this.description, this.price, this.active);
		}

		NewProduct withPrice(Money newPrice) {
			return new NewProduct(this.sku, this.name, this.description, newPrice, this.active);
		}

		NewProduct withSku(String newSku) {
			return new NewProduct(newSku, this.name, this.description, this.price, this.active);
		}

		NewProduct withActive(boolean newActive) {
			return new NewProduct(this.sku, this.name, this.description, this.price, newActive);
		}

	}

}
