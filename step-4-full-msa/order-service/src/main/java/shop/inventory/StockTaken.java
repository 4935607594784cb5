package shop.inventory;

import java.util.UUID;

/**
 * The units reserved for an order have left the stock: the order can be confirmed.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-taken}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
public record StockTaken(UUID orderId) {
}
