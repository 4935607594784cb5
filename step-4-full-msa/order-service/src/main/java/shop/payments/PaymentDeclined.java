package shop.payments;

import java.util.UUID;

/**
 * The provider declined an order's total.
 *
 * @param orderId the order, never null
 */
public record PaymentDeclined(UUID orderId) {
}
