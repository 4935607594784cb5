package shop.inventory;

import java.util.UUID;

/**
 * An order asked for more units than were available; nothing was reserved for it.
 *
 * @param orderId the order, never null
 */
public record StockShort(UUID orderId) {
}
