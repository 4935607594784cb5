package shop.payments.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import shop.shared.Money;

/**
 * One answer of the payment provider for an order, kept as a record: payments are
 * appended, never changed.
 */
@Entity
@Table(name = "payments", schema = "payments")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	// The order by its id only: payments keep no link into the orders' table.
	private UUID orderId;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "currency"))
	private Money amount;

	@Enumerated(EnumType.STRING)
	private PaymentStatus status;

	private Instant createdAt;

	protected Payment() {
	}

	/**
	 * A record of the provider's answer.
	 * @param orderId the order paid for, never null
	 * @param amount the amount asked for, never null
	 * @param status the answer, never null
	 */
	public Payment(UUID orderId, Money amount, PaymentStatus status) {
		this.orderId = orderId;
		this.amount = amount;
		this.status = status;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	public UUID getId() {
		return this.id;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public Money getAmount() {
		return this.amount;
	}

	public PaymentStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
