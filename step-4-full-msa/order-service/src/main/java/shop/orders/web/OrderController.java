package shop.orders.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import shop.orders.internal.Order;
import shop.orders.internal.OrderService;
import shop.orders.internal.PlacedOrder;
import shop.orders.messaging.StockPutBackWait;
import shop.shared.web.FieldViolation;
import shop.shared.web.InvalidRequestException;

/**
 * The orders API: place an order (optionally idempotent), read it, cancel it.
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	/** 1 to 255 visible ASCII characters. */
	private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

	private final OrderService orderService;

	private final StockPutBackWait stockPutBack;

	public OrderController(OrderService orderService, StockPutBackWait stockPutBack) {
		this.orderService = orderService;
		this.stockPutBack = stockPutBack;
	}

	/**
	 * Places an order and answers with its status now, usually {@code PENDING}; the
	 * client reads the final status from the {@code Location}. With an
	 * {@code Idempotency-Key} used before for the same body, places nothing and answers
	 * with that order.
	 */
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public ResponseEntity<OrderResponse> place(@Valid @RequestBody OrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		List<FieldViolation> violations = new ArrayList<>(request.repeatedSkus());
		if (idempotencyKey != null && !VALID_KEY.matcher(idempotencyKey).matches()) {
			violations.add(new FieldViolation(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequestException(violations);
		}
		PlacedOrder placed = this.orderService.place(request.toPlaceOrder(), idempotencyKey);
		ResponseEntity.BodyBuilder created = ResponseEntity
			.created(URI.create("/api/orders/" + placed.order().getId()));
		if (placed.replayed()) {
			created.header(IDEMPOTENT_REPLAYED, "true");
		}
		return created.body(OrderResponse.from(placed.order()));
	}

	@GetMapping("/{id}")
	public OrderResponse find(@PathVariable UUID id) {
		return OrderResponse.from(this.orderService.find(id));
	}

	/**
	 * Cancels a confirmed order, and answers once its units are back on hand (or after a
	 * bounded wait, {@link StockPutBackWait}).
	 */
	@PostMapping("/{id}/cancel")
	public OrderResponse cancel(@PathVariable UUID id) {
		Order cancelled = this.orderService.cancel(id);
		this.stockPutBack.awaitStockPutBack(id);
		return OrderResponse.from(cancelled);
	}

}
