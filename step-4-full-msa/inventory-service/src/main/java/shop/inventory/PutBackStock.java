package shop.inventory;

import java.util.UUID;

/**
 * The order service asks the inventory to put the units of a cancelled order back on
 * hand: {@link Inventory#putBack} sent over Kafka, on the topic
 * {@code inventory.put-back-stock}, keyed by the order. Answered by {@link StockPutBack}.
 *
 * @param orderId the order, never null
 */
public record PutBackStock(UUID orderId) {
}
