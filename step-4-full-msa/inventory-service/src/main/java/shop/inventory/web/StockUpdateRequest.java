package shop.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /api/inventory/{sku}}.
 *
 * @param onHand the units on hand after a count, 0 to 1,000,000
 */
public record StockUpdateRequest(@NotNull @Min(0) @Max(1_000_000) Integer onHand) {
}
