package shop.payments.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code payments.payments} table: every answer of the payment provider.
 */
public interface PaymentRepository extends JpaRepository<Payment, UUID> {

	/**
	 * Whether the provider answered for an order already.
	 * @param orderId the order's id
	 * @return true if a payment for it is recorded
	 */
	boolean existsByOrderId(UUID orderId);

}
