package shop.inventory;

import java.util.UUID;

/**
 * The units reserved for an order that did not go through are available again.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-released}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
public record StockReleased(UUID orderId) {
}
