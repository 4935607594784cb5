package shop.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The order service asks the inventory to reserve the units of an order:
 * {@link Inventory#reserve} sent over Kafka, on the topic
 * {@code inventory.reserve-stock}, keyed by the order. Answered by {@link StockReserved}
 * or {@link StockShort}.
 *
 * @param orderId the order, never null
 * @param lines the units asked for, at least one, each SKU at most once
 */
// tag::externalized[]
@Externalized("inventory.reserve-stock::#{orderId()}")
public record ReserveStock(UUID orderId, List<Inventory.Line> lines) {
}
// end::externalized[]
