package shop.inventory;

import java.util.UUID;

/**
 * The order service asks the inventory to ship the units reserved for an order:
 * {@link Inventory#takeReserved} sent over Kafka, on the topic
 * {@code inventory.take-reserved-stock}, keyed by the order. Answered by
 * {@link StockTaken}.
 *
 * @param orderId the order, never null
 */
public record TakeReservedStock(UUID orderId) {
}
