package shop.orders.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import shop.shared.Money;

/**
 * A customer's order: lines with captured prices, a total and a status with a reason when
 * it did not go through. Starts {@link OrderStatus#PENDING}; the transitions below are
 * the only ones allowed.
 */
@Entity
@Table(name = "orders", schema = "orders")
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	private String customerEmail;

	// Read only when asked for: most steps of the order flow need the status alone.
	// Answers to clients read the order with its lines (findWithLinesById).
	@ElementCollection
	@CollectionTable(name = "order_lines", schema = "orders", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines = new ArrayList<>();

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "total_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "total_currency"))
	private Money total;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	@Enumerated(EnumType.STRING)
	private OrderReason reason;

	private Instant createdAt;

	@Version
	private Long version;

	protected Order() {
	}

	/**
	 * A pending order.
	 * @param customerEmail the customer's address, never null
	 * @param lines at least one line, each product at most once
	 */
	public Order(String customerEmail, List<OrderLine> lines) {
		this.customerEmail = customerEmail;
		this.lines.addAll(lines);
		this.total = lines.stream().map(OrderLine::amount).reduce(Money::plus).orElseThrow();
		this.status = OrderStatus.PENDING;
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Stock taken and payment authorized.
	 * @throws IllegalStateException unless pending
	 */
	public void confirm() {
		requireStatus(OrderStatus.PENDING);
		this.status = OrderStatus.CONFIRMED;
	}

	/**
	 * The order did not go through.
	 * @param reason why, never null
	 * @throws IllegalStateException unless pending
	 */
	public void reject(OrderReason reason) {
		requireStatus(OrderStatus.PENDING);
		this.status = OrderStatus.REJECTED;
		this.reason = reason;
	}

	/**
	 * The customer cancels a confirmed order.
	 * @throws IllegalStateException unless confirmed
	 */
	public void cancel() {
		requireStatus(OrderStatus.CONFIRMED);
		this.status = OrderStatus.CANCELLED;
		this.reason = OrderReason.CANCELLED_BY_CUSTOMER;
	}

	/**
	 * Whether the order is still waiting for stock and payment.
	 * @return true if pending
	 */
	public boolean isPending() {
		return this.status == OrderStatus.PENDING;
	}

	/**
	 * Whether {@link #cancel()} is allowed now.
	 * @return true if the order is confirmed
	 */
	public boolean isCancellable() {
		return this.status == OrderStatus.CONFIRMED;
	}

	private void requireStatus(OrderStatus expected) {
		if (this.status != expected) {
			throw new IllegalStateException("Order " + this.id + " is " + this.status + ", not " + expected);
		}
	}

	public UUID getId() {
		return this.id;
	}

	public String getCustomerEmail() {
		return this.customerEmail;
	}

	public List<OrderLine> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	public Money getTotal() {
		return this.total;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	/**
	 * Why the order was rejected or cancelled.
	 * @return the reason, null while pending or confirmed
	 */
	public OrderReason getReason() {
		return this.reason;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
