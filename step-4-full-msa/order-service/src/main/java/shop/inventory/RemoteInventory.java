package shop.inventory;

import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The inventory service, as the order service asks it: each call publishes a command,
 * which the event publication registry stores in the caller's transaction (the outbox)
 * and sends to Kafka once that transaction commits. So a call returns at once, and the
 * command leaves if and only if the caller's change commits. The answers,
 * {@link StockReserved} and {@link StockShort}, come back as messages.
 */
// tag::remote-inventory[]
@Component
class RemoteInventory implements Inventory {

	private final ApplicationEventPublisher events;

	RemoteInventory(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void reserve(UUID orderId, List<Line> lines) {
		this.events.publishEvent(new ReserveStock(orderId, lines));
	}
	// end::remote-inventory[]

	@Override
	public void takeReserved(UUID orderId) {
		this.events.publishEvent(new TakeReservedStock(orderId));
	}

	@Override
	public void release(UUID orderId) {
		this.events.publishEvent(new ReleaseStock(orderId));
	}

	@Override
	public void putBack(UUID orderId) {
		this.events.publishEvent(new PutBackStock(orderId));
	}

}
