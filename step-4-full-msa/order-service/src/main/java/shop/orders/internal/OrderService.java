package shop.orders.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import shop.catalog.Catalog;
import shop.catalog.OrderableProduct;
import shop.inventory.Inventory;
import shop.orders.OrderPlaced;
import shop.payments.Payments;

/**
 * Places, reads and cancels orders. Placing an order saves it pending and publishes
 * {@link OrderPlaced}; {@link OrderFlow} takes it from there to its final status.
 */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final Catalog catalog;

	private final Inventory inventory;

	private final IdempotencyKeyRepository idempotencyKeys;

	private final Payments payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnlyTransaction;

	public OrderService(OrderRepository orders, Catalog catalog, Inventory inventory,
			IdempotencyKeyRepository idempotencyKeys, Payments payments, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.catalog = catalog;
		this.inventory = inventory;
		this.idempotencyKeys = idempotencyKeys;
		this.payments = payments;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction.setReadOnly(true);
	}

	/**
	 * Places an order, or answers with the order an earlier request with the same
	 * idempotency key placed. The order is saved {@code PENDING}; stock and payment
	 * decide it afterwards, so the answer may be pending still.
	 * @param request the order asked for, never null
	 * @param idempotencyKey the client's key, or null for none
	 * @return the order as it is now, usually pending, never null
	 * @throws UnknownSkuException if a line names no active product; nothing is written
	 * @throws IdempotencyKeyReusedException if the key placed a different order; nothing
	 * is written
	 */
	public PlacedOrder place(PlaceOrder request, String idempotencyKey) {
		if (idempotencyKey == null) {
			return new PlacedOrder(this.transaction.execute((status) -> placePending(request, null)), false);
		}
		Optional<PlacedOrder> earlier = findPlacedWithKey(request, idempotencyKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return new PlacedOrder(this.transaction.execute((status) -> placePending(request, idempotencyKey)), false);
		}
		catch (DataIntegrityViolationException ex) {
			// A concurrent request with the same key won the unique index and committed
			// first; our transaction rolled back whole. Answer with the winner's order.
			return findPlacedWithKey(request, idempotencyKey).orElseThrow(() -> ex);
		}
	}

	private Optional<PlacedOrder> findPlacedWithKey(PlaceOrder request, String idempotencyKey) {
		return this.readOnlyTransaction
			.execute((status) -> this.idempotencyKeys.findByKey(idempotencyKey).map((used) -> replay(used, request)));
	}

	private PlacedOrder replay(IdempotencyKey used, PlaceOrder request) {
		if (!used.matches(request.fingerprint())) {
			throw new IdempotencyKeyReusedException(used.getKey());
		}
		return new PlacedOrder(this.orders.findWithLinesById(used.getOrderId()).orElseThrow(), true);
	}

	// tag::place-order[]
	// The transaction saves the pending order, the idempotency key and, in the event
	// publication registry, the OrderPlaced event. Stock and payment come after commit.
	private Order placePending(PlaceOrder request, String idempotencyKey) {
		Order order = this.orders.save(new Order(request.customerEmail(), priceFromCatalog(request)));
		if (idempotencyKey != null) {
			// Inserted now rather than at commit: a concurrent request with the same key
			// waits here on the unique index until this transaction ends.
			this.idempotencyKeys.saveAndFlush(new IdempotencyKey(idempotencyKey, request.fingerprint(), order.getId()));
		}
		this.events.publishEvent(new OrderPlaced(order.getId()));
		return order;
	}
	// end::place-order[]

	// tag::price-from-catalog[]
	// Prices come through the catalog's published API, never from its table.
	private List<OrderLine> priceFromCatalog(PlaceOrder request) {
		List<String> skus = request.lines().stream().map(PlaceOrder.Line::sku).toList();
		Map<String, OrderableProduct> productBySku = this.catalog.findOrderable(skus)
			.stream()
			.collect(Collectors.toMap(OrderableProduct::sku, Function.identity()));
		List<OrderLine> lines = new ArrayList<>();
		List<UnknownSkuException.UnknownLine> unknown = new ArrayList<>();
		for (int index = 0; index < request.lines().size(); index++) {
			PlaceOrder.Line line = request.lines().get(index);
			OrderableProduct product = productBySku.get(line.sku());
			if (product == null) {
				unknown.add(new UnknownSkuException.UnknownLine(index, line.sku()));
			}
			else {
				lines.add(new OrderLine(product.sku(), line.quantity(), product.price()));
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownSkuException(unknown);
		}
		return lines;
	}
	// end::price-from-catalog[]

	/**
	 * One order.
	 * @param id the order's id
	 * @return the order, never null
	 * @throws OrderNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Order find(UUID id) {
		return this.orders.findWithLinesById(id).orElseThrow(() -> new OrderNotFoundException(id));
	}

	/**
	 * Cancels a confirmed order: its units go back on hand and its payment is refunded.
	 * @param id the order's id
	 * @return the order, cancelled, never null
	 * @throws OrderNotFoundException if there is none
	 * @throws OrderNotCancellableException unless the order is confirmed
	 */
	@Transactional
	public Order cancel(UUID id) {
		Order order = this.orders.lockById(id).orElseThrow(() -> new OrderNotFoundException(id));
		if (!order.isCancellable()) {
			throw new OrderNotCancellableException(order);
		}
		this.inventory.putBack(id);
		this.payments.refund(id, order.getTotal());
		order.cancel();
		// The same order, now with its lines, for the answer.
		return this.orders.findWithLinesById(id).orElseThrow();
	}

}
