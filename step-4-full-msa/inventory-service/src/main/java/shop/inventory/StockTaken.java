package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The units reserved for an order have left the stock: the order can be confirmed.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-taken}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.stock-taken::#{orderId()}")
public record StockTaken(UUID orderId) {
}
