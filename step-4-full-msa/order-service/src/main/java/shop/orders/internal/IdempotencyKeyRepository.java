package shop.orders.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The {@code idempotency_keys} table, unique by key.
 */
public interface IdempotencyKeyRepository extends JpaRepository<IdempotencyKey, UUID> {

	/**
	 * The record of a key used before.
	 * @param key the client's {@code Idempotency-Key}
	 * @return the record, empty if the key is new
	 */
	Optional<IdempotencyKey> findByKey(String key);

}
