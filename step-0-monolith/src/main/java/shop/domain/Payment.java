package shop.domain;

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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One answer of the payment provider for an order, kept as a record: payments are
 * appended, never changed.
 */
@Entity
@Table(name = "payments")
public class Payment {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@ManyToOne(optional = false)
	@JoinColumn(name = "order_id")
	private Order order;

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
	 * @param order the order paid for, never null
	 * @param amount the amount asked for, never null
	 * @param status the answer, never null
	 */
	public Payment(Order order, Money amount, PaymentStatus status) {
		this.order = order;
		this.amount = amount;
		this.status = status;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	public UUID getId() {
		return this.id;
	}

	public Order getOrder() {
		return this.order;
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
