package shop.inventory;

import java.util.UUID;

/**
 * The units of a cancelled order are back on hand.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-put-back}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
public record StockPutBack(UUID orderId) {
}
