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
	 * cancellations cannot both put the units back. Its lines are read only if the
	 * transaction asks for them.
	 * @param id the order's id
	 * @return the order, empty if there is none
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
	Optional<Order> lockById(@Param("id") UUID id);

	/**
	 * Reads an order with its lines in one query, for an answer to a client.
	 * @param id the order's id
	 * @return the order with its lines, empty if there is none
	 */
	@Query("select o from Order o left join fetch o.lines where o.id = :id")
	Optional<Order> findWithLinesById(@Param("id") UUID id);

	/**
	 * Counts the orders in one status, for the metrics.
	 * @param status the status
	 * @return how many orders have it
	 */
	long countByStatus(OrderStatus status);

}
