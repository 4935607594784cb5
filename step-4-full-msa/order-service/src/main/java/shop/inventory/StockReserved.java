package shop.inventory;

import java.util.UUID;

/**
 * The units of every line of an order are reserved.
 *
 * @param orderId the order, never null
 */
public record StockReserved(UUID orderId) {
}
