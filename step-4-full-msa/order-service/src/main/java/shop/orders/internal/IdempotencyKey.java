package shop.orders.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A client's {@code Idempotency-Key} for an order request. The key column is unique: of
 * two requests racing with the same key, the database lets one insert win and the other
 * fail. The fingerprint tells a true retry (same body) from a reuse of the key for
 * another order.
 */
@Entity
@Table(name = "idempotency_keys", schema = "orders")
public class IdempotencyKey {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "idempotency_key")
	private String key;

	private String requestFingerprint;

	private UUID orderId;

	private Instant createdAt;

	protected IdempotencyKey() {
	}

	/**
	 * Records that {@code key} placed the order {@code orderId}.
	 * @param key the client's key, never null
	 * @param requestFingerprint a digest of the request body, never null
	 * @param orderId the order placed, never null
	 */
	public IdempotencyKey(String key, String requestFingerprint, UUID orderId) {
		this.key = key;
		this.requestFingerprint = requestFingerprint;
		this.orderId = orderId;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Whether a request with this fingerprint is a retry of the one that used the key.
	 * @param fingerprint the digest of the new request body
	 * @return true if the bodies are the same
	 */
	public boolean matches(String fingerprint) {
		return this.requestFingerprint.equals(fingerprint);
	}

	public String getKey() {
		return this.key;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

}
