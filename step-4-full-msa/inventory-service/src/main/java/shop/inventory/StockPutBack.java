package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The units of a cancelled order are back on hand.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-put-back}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.stock-put-back::#{orderId()}")
public record StockPutBack(UUID orderId) {
}
