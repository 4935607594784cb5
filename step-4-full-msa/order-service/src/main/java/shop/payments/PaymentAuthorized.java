package shop.payments;

import java.util.UUID;

/**
 * The provider authorized an order's total.
 *
 * @param orderId the order, never null
 */
public record PaymentAuthorized(UUID orderId) {
}
