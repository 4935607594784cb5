package shop.orders.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import shop.inventory.Inventory;
import shop.inventory.StockReleased;
import shop.inventory.StockReserved;
import shop.inventory.StockShort;
import shop.inventory.StockTaken;
import shop.orders.OrderPlaced;
import shop.payments.PaymentAuthorized;
import shop.payments.PaymentDeclined;
import shop.payments.Payments;

/**
 * Sees a placed order through to its final status, one event at a time: order placed →
 * stock reserved or short → payment authorized or declined → stock taken and order
 * confirmed, or stock released and order rejected. An order reaches its final status only
 * once the inventory says its units are taken or released: the inventory's change and the
 * order's are transactions of two services, and a final order must never still hold a
 * reservation.
 * <p>
 * The placed order is handed on after its transaction committed, in a transaction of its
 * own, and the event publication registry marks it handled only when that transaction
 * commits: if the process stops first, it is handed on again at the next start. The other
 * services' answers arrive over Kafka, and {@code OrderAnswers} hands each to its
 * listener here in the transaction that records the message as processed: the order's
 * change, the next command in the outbox and the log row commit together, or none does
 * and Kafka delivers the answer again. So every step is safe to repeat: a listener acts
 * only on a pending order, and the inventory and payments act once per order.
 * <p>
 * The order service runs the flow (an orchestration): it calls the others' APIs, which
 * send them commands over Kafka; inventory and payments answer with events and know
 * nothing of orders.
 */
@Component
class OrderFlow {

	private final OrderRepository orders;

	private final Inventory inventory;

	private final Payments payments;

	OrderFlow(OrderRepository orders, Inventory inventory, Payments payments) {
		this.orders = orders;
		this.inventory = inventory;
		this.payments = payments;
	}

	// tag::order-placed-listener[]
	@ApplicationModuleListener
	void on(OrderPlaced placed) {
		whilePending(placed.orderId(), (order) -> this.inventory.reserve(order.getId(), unitsOf(order)));
	}
	// end::order-placed-listener[]

	@EventListener
	void on(StockShort stockShort) {
		whilePending(stockShort.orderId(), (order) -> order.reject(OrderReason.OUT_OF_STOCK));
	}

	@EventListener
	void on(StockReserved reserved) {
		whilePending(reserved.orderId(), (order) -> this.payments.authorize(order.getId(), order.getTotal()));
	}

	// tag::payment-listeners[]
	@EventListener
	void on(PaymentAuthorized authorized) {
		whilePending(authorized.orderId(), (order) -> this.inventory.takeReserved(order.getId()));
	}

	@EventListener
	void on(StockTaken taken) {
		whilePending(taken.orderId(), (order) -> order.confirm());
	}

	@EventListener
	void on(PaymentDeclined declined) {
		whilePending(declined.orderId(), (order) -> this.inventory.release(order.getId()));
	}

	@EventListener
	void on(StockReleased released) {
		whilePending(released.orderId(), (order) -> order.reject(OrderReason.PAYMENT_DECLINED));
	}
	// end::payment-listeners[]

	/**
	 * Locks the order and runs the step only while it is pending: a redelivered event for
	 * an order decided already changes nothing.
	 */
	private void whilePending(UUID orderId, Consumer<Order> step) {
		Order order = this.orders.lockById(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
		if (order.isPending()) {
			step.accept(order);
		}
	}

	private static List<Inventory.Line> unitsOf(Order order) {
		return order.getLines().stream().map((line) -> new Inventory.Line(line.getSku(), line.getQuantity())).toList();
	}

}
