package shop.repository;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import shop.domain.Payment;

/**
 * The {@code payments} table: every answer of the payment provider.
 */
public interface PaymentRepository extends JpaRepository<Payment, UUID> {

}
