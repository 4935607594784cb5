package shop.inventory;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The order service asks the inventory to give back the units reserved for an order that
 * did not go through: {@link Inventory#release} sent over Kafka, on the topic
 * {@code inventory.release-stock}, keyed by the order. Answered by {@link StockReleased}.
 *
 * @param orderId the order, never null
 */
@Externalized("inventory.release-stock::#{orderId()}")
public record ReleaseStock(UUID orderId) {
}
