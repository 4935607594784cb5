package shop.inventory.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * What the inventory did for one order, keyed by the order's id: the units it holds and
 * what became of them. It is also the inventory's log of orders it has seen, which makes
 * every step happen once even when an event arrives twice.
 */
@Entity
@Table(name = "reservations", schema = "inventory")
public class Reservation {

	@Id
	private UUID orderId;

	@Enumerated(EnumType.STRING)
	private Status status;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reservation_lines", schema = "inventory", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<ReservedUnits> lines = new ArrayList<>();

	@Version
	private Long version;

	protected Reservation() {
	}

	private Reservation(UUID orderId, Status status, List<ReservedUnits> lines) {
		this.orderId = orderId;
		this.status = status;
		this.lines.addAll(lines);
	}

	/**
	 * Units held for an order.
	 * @param orderId the order, never null
	 * @param lines the units held, at least one
	 * @return the reservation, held
	 */
	static Reservation held(UUID orderId, List<ReservedUnits> lines) {
		return new Reservation(orderId, Status.HELD, lines);
	}

	/**
	 * An order that asked for more than was available: nothing held.
	 * @param orderId the order, never null
	 * @return the reservation, short
	 */
	static Reservation shortOf(UUID orderId) {
		return new Reservation(orderId, Status.SHORT, List.of());
	}

	boolean isHeld() {
		return this.status == Status.HELD;
	}

	boolean isTaken() {
		return this.status == Status.TAKEN;
	}

	void taken() {
		this.status = Status.TAKEN;
	}

	void released() {
		this.status = Status.RELEASED;
	}

	void returned() {
		this.status = Status.RETURNED;
	}

	public UUID getOrderId() {
		return this.orderId;
	}

	public Status getStatus() {
		return this.status;
	}

	public List<ReservedUnits> getLines() {
		return Collections.unmodifiableList(this.lines);
	}

	/**
	 * Where a reservation is.
	 */
	public enum Status {

		/** Units held for the order. */
		HELD,

		/** Not enough units: nothing held. */
		SHORT,

		/** The held units were shipped. */
		TAKEN,

		/** The held units were given back: the order did not go through. */
		RELEASED,

		/** The shipped units came back on hand: the order was cancelled. */
		RETURNED

	}

}
