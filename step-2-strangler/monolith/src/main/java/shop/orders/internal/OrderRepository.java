package shop.orders.internal;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The {@code orders} table and its {@code order_lines}.
 */
public interface OrderRepository extends JpaRepository<Order, UUID> {

	/**
	 * Reads an order and locks its row until the transaction ends, so that two
	 * cancellations cannot both put the units back.
	 * @param id the order's id
	 * @return the order, empty if there is none
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> lockById(@Param("id") UUID id);

}
