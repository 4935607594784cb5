package shop.inventory.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code inventory.reservations} table and its lines, keyed by order id.
 */
public interface ReservationRepository extends JpaRepository<Reservation, UUID> {

	/**
	 * Reads an order's reservation and locks its row until the transaction ends, so that
	 * the same step for the same order cannot run twice at once.
	 * @param orderId the order's id
	 * @return the reservation, empty if the inventory never saw the order
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	Optional<Reservation> lockByOrderId(@Param("orderId") UUID orderId);

}
