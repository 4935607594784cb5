package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * An order asked for more units than were available; nothing was reserved for it.
 * <p>
 * Sent to the order service on the topic {@code inventory.stock-short}, keyed by the
 * order.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.stock-short::#{orderId()}")
public record StockShort(UUID orderId) {
}
