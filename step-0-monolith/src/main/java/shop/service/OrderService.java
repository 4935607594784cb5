package shop.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import shop.domain.IdempotencyKey;
import shop.domain.Order;
import shop.domain.OrderLine;
import shop.domain.OrderReason;
import shop.domain.Product;
import shop.domain.Stock;
import shop.repository.IdempotencyKeyRepository;
import shop.repository.OrderRepository;
import shop.repository.ProductRepository;
import shop.repository.StockRepository;

/**
 * Places, reads and cancels orders. Placing an order is synchronous: the answer carries
 * the final status.
 */
@Service
public class OrderService {

	private final OrderRepository orders;

	private final ProductRepository products;

	private final StockRepository stock;

	private final IdempotencyKeyRepository idempotencyKeys;

	private final PaymentService payments;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnlyTransaction;

	public OrderService(OrderRepository orders, ProductRepository products, StockRepository stock,
			IdempotencyKeyRepository idempotencyKeys, PaymentService payments,
			PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.products = products;
		this.stock = stock;
		this.idempotencyKeys = idempotencyKeys;
		this.payments = payments;
		this.transaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction = new TransactionTemplate(transactionManager);
		this.readOnlyTransaction.setReadOnly(true);
	}

	/**
	 * Places an order, or answers with the order an earlier request with the same
	 * idempotency key placed. Out of stock or a declined payment still place the order,
	 * as {@code REJECTED} with the reason and nothing reserved.
	 * @param request the order asked for, never null
	 * @param idempotencyKey the client's key, or null for none
	 * @return the order, confirmed or rejected, never null
	 * @throws UnknownSkuException if a line names no active product; nothing is written
	 * @throws IdempotencyKeyReusedException if the key placed a different order; nothing
	 * is written
	 */
	public PlacedOrder place(PlaceOrder request, String idempotencyKey) {
		if (idempotencyKey == null) {
			return new PlacedOrder(this.transaction.execute((status) -> placeInOneTransaction(request, null)), false);
		}
		Optional<PlacedOrder> earlier = findPlacedWithKey(request, idempotencyKey);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return new PlacedOrder(this.transaction.execute((status) -> placeInOneTransaction(request, idempotencyKey)),
					false);
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
		return new PlacedOrder(this.orders.findById(used.getOrderId()).orElseThrow(), true);
	}

	// tag::place-order[]
	// One database transaction covers the whole placement: the order, the idempotency
	// key, the stock of every line and the payment commit together or not at all.
	private Order placeInOneTransaction(PlaceOrder request, String idempotencyKey) {
		Order order = this.orders.save(new Order(request.customerEmail(), priceFromCatalog(request)));
		if (idempotencyKey != null) {
			// Inserted now rather than at commit: a concurrent request with the same key
			// waits here on the unique index until this transaction ends.
			this.idempotencyKeys.saveAndFlush(new IdempotencyKey(idempotencyKey, request.fingerprint(), order.getId()));
		}
		Map<String, Stock> stockBySku = lockStock(order);
		if (!reserveAll(order, stockBySku)) {
			order.reject(OrderReason.OUT_OF_STOCK);
			return order;
		}
		if (!this.payments.authorize(order)) {
			releaseAll(order, stockBySku);
			order.reject(OrderReason.PAYMENT_DECLINED);
			return order;
		}
		for (OrderLine line : order.getLines()) {
			stockBySku.get(line.getProduct().getSku()).takeReserved(line.getQuantity());
		}
		order.confirm();
		return order;
	}
	// end::place-order[]

	// tag::coupling[]
	// The order service reads the catalog's and the inventory's tables through their
	// repositories and links their rows into its own: nothing stands between contexts.
	private List<OrderLine> priceFromCatalog(PlaceOrder request) {
		List<String> skus = request.lines().stream().map(PlaceOrder.Line::sku).toList();
		Map<String, Product> productBySku = this.products.findBySkuInAndActiveTrue(skus)
			.stream()
			.collect(Collectors.toMap(Product::getSku, Function.identity()));
		List<OrderLine> lines = new ArrayList<>();
		List<UnknownSkuException.UnknownLine> unknown = new ArrayList<>();
		for (int index = 0; index < request.lines().size(); index++) {
			PlaceOrder.Line line = request.lines().get(index);
			Product product = productBySku.get(line.sku());
			if (product == null) {
				unknown.add(new UnknownSkuException.UnknownLine(index, line.sku()));
			}
			else {
				lines.add(new OrderLine(product, line.quantity()));
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownSkuException(unknown);
		}
		return lines;
	}

	private Map<String, Stock> lockStock(Order order) {
		List<String> skus = order.getLines().stream().map((line) -> line.getProduct().getSku()).toList();
		return this.stock.lockAllBySkuIn(skus).stream().collect(Collectors.toMap(Stock::getSku, Function.identity()));
	}
	// end::coupling[]

	private boolean reserveAll(Order order, Map<String, Stock> stockBySku) {
		List<OrderLine> reserved = new ArrayList<>();
		for (OrderLine line : order.getLines()) {
			Stock lineStock = stockBySku.get(line.getProduct().getSku());
			if (lineStock == null || !lineStock.canReserve(line.getQuantity())) {
				releaseAll(reserved, stockBySku);
				return false;
			}
			lineStock.reserve(line.getQuantity());
			reserved.add(line);
		}
		return true;
	}

	private void releaseAll(Order order, Map<String, Stock> stockBySku) {
		releaseAll(order.getLines(), stockBySku);
	}

	private void releaseAll(List<OrderLine> lines, Map<String, Stock> stockBySku) {
		for (OrderLine line : lines) {
			stockBySku.get(line.getProduct().getSku()).release(line.getQuantity());
		}
	}

	/**
	 * One order.
	 * @param id the order's id
	 * @return the order, never null
	 * @throws OrderNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Order find(UUID id) {
		return this.orders.findById(id).orElseThrow(() -> new OrderNotFoundException(id));
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
		Map<String, Stock> stockBySku = lockStock(order);
		for (OrderLine line : order.getLines()) {
			stockBySku.get(line.getProduct().getSku()).putBack(line.getQuantity());
		}
		this.payments.refund(order);
		order.cancel();
		return order;
	}

}
