package shop.inventory;

import java.util.UUID;

/**
 * The order service asks the inventory to give back the units reserved for an order that
 * did not go through: {@link Inventory#release} sent over Kafka, on the topic
 * {@code inventory.release-stock}, keyed by the order. Answered by {@link StockReleased}.
 *
 * @param orderId the order, never null
 */
public record ReleaseStock(UUID orderId) {
}
