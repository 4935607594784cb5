package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The units of every line of an order are reserved.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-reserved}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.stock-reserved::#{orderId()}")
public record StockReserved(UUID orderId) {
}
