package shop.orders.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import shop.shared.Money;
import shop.orders.internal.Order;
import shop.orders.internal.OrderReason;
import shop.orders.internal.OrderStatus;

/**
 * An order as the API shows it.
 *
 * @param id the order's id
 * @param status where it is
 * @param reason why it was rejected or cancelled, null otherwise
 * @param customerEmail the customer's address
 * @param lines the lines with their captured unit prices
 * @param total the sum of the lines
 * @param createdAt when it was placed
 */
public record OrderResponse(UUID id, OrderStatus status, OrderReason reason, String customerEmail, List<Line> lines,
		Money total, Instant createdAt) {

	static OrderResponse from(Order order) {
		List<Line> lines = order.getLines()
			.stream()
			.map((line) -> new Line(line.getSku(), line.getQuantity(), line.getUnitPrice()))
			.toList();
		return new OrderResponse(order.getId(), order.getStatus(), order.getReason(), order.getCustomerEmail(), lines,
				order.getTotal(), order.getCreatedAt());
	}

	/**
	 * One line of an order.
	 *
	 * @param sku the product's SKU
	 * @param quantity the units ordered
	 * @param unitPrice the price captured when the order was placed
	 */
	public record Line(String sku, int quantity, Money unitPrice) {
	}

}
