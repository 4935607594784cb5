package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The order service asks the inventory to ship the units reserved for an order:
 * {@link Inventory#takeReserved} sent over Kafka, on the topic
 * {@code inventory.take-reserved-stock}, keyed by the order. Answered by
 * {@link StockTaken}.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.take-reserved-stock::#{orderId()}")
public record TakeReservedStock(UUID orderId) {
}
