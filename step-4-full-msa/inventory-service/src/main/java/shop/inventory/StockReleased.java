package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The units reserved for an order that did not go through are available again.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-released}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.stock-released::#{orderId()}")
public record StockReleased(UUID orderId) {
}
