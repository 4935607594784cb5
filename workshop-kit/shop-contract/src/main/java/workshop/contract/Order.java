package workshop.contract;

import java.util.List;

/**
 * An order as the API answers it.
 *
 * @param id the id the shop assigned
 * @param status {@code PENDING}, {@code CONFIRMED}, {@code REJECTED} or {@code CANCELLED}
 * @param reason why the order is not confirmed, or null
 * @param customerEmail the customer's e-mail address
 * @param lines what was ordered, with the prices captured when it was placed
 * @param total the sum of quantity times unit price over the lines
 * @param createdAt when the order was placed, an ISO-8601 instant
 */
public record Order(String id, String status, String reason, String customerEmail, List<Line> lines, Money total,
		String createdAt) {

	/**
	 * Whether the order may still change by itself.
	 * @return true while the order is {@code PENDING}
	 */
	public boolean isPending() {
		return "PENDING".equals(this.status);
	}

	/**
	 * One line of an order.
	 *
	 * @param sku the product ordered
	 * @param quantity how many units
	 * @param unitPrice the catalog price when the order was placed
	 */
	public record Line(String sku, int quantity, Money unitPrice) {

	}

	/**
	 * The body that places an order.
	 *
	 * @param customerEmail the customer's e-mail address
	 * @param lines what to order
	 */
	public record NewOrder(String customerEmail, List<NewLine> lines) {

		/**
		 * An order of the given lines by a valid customer.
		 * @param lines what to order
		 * @return the body
		 */
		public static NewOrder of(NewLine... lines) {
			return new NewOrder("ada@example.com", List.of(lines));
		}

	}

	/**
	 * One line of the body that places an order.
	 *
	 * @param sku the product to order
	 * @param quantity how many units
	 */
	public record NewLine(String sku, int quantity) {

	}

}
