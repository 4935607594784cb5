package shop.inventory.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import shop.inventory.Inventory;
import shop.inventory.StockPutBack;
import shop.inventory.StockReleased;
import shop.inventory.StockReserved;
import shop.inventory.StockShort;
import shop.inventory.StockTaken;

/**
 * The stock of each SKU, read by anyone and counted by an administrator, and reserved for
 * orders through {@link Inventory}.
 */
@Service
public class InventoryService implements Inventory {

	private final StockRepository stock;

	private final ReservationRepository reservations;

	private final ApplicationEventPublisher events;

	public InventoryService(StockRepository stock, ReservationRepository reservations,
			ApplicationEventPublisher events) {
		this.stock = stock;
		this.reservations = reservations;
		this.events = events;
	}

	/**
	 * The stock of one SKU.
	 * @param sku the SKU
	 * @return the stock, never null
	 * @throws StockNotFoundException if the SKU has no stock record
	 */
	@Transactional(readOnly = true)
	public Stock find(String sku) {
		return this.stock.findById(sku).orElseThrow(() -> new StockNotFoundException(sku));
	}

	/**
	 * Sets the units on hand after a count in the warehouse.
	 * @param sku the SKU
	 * @param onHand the units on hand, not negative
	 * @return the stock changed, never null
	 * @throws StockNotFoundException if the SKU has no stock record
	 * @throws StockBelowReservedException if fewer than the units reserved
	 */
	@Transactional
	public Stock count(String sku, int onHand) {
		Stock counted = this.stock.lockBySku(sku).orElseThrow(() -> new StockNotFoundException(sku));
		if (onHand < counted.getReserved()) {
			throw new StockBelowReservedException(counted, onHand);
		}
		counted.count(onHand);
		return counted;
	}

	// tag::reserve[]
	@Override
	@Transactional
	public void reserve(UUID orderId, List<Line> lines) {
		if (this.reservations.existsById(orderId)) {
			return; // seen before: the event announcing the outcome went out then
		}
		Map<String, Stock> stockBySku = lockStock(lines.stream().map(Line::sku).toList());
		for (Line line : lines) {
			Stock lineStock = stockBySku.get(line.sku());
			if (lineStock == null || !lineStock.canReserve(line.quantity())) {
				this.reservations.save(Reservation.shortOf(orderId));
				this.events.publishEvent(new StockShort(orderId));
				return;
			}
		}
		for (Line line : lines) {
			stockBySku.get(line.sku()).reserve(line.quantity());
		}
		this.reservations.save(Reservation.held(orderId,
				lines.stream().map((line) -> new ReservedUnits(line.sku(), line.quantity())).toList()));
		this.events.publishEvent(new StockReserved(orderId));
	}
	// end::reserve[]

	@Override
	@Transactional
	public void takeReserved(UUID orderId) {
		Reservation reservation = this.reservations.lockByOrderId(orderId).orElse(null);
		if (reservation == null || !reservation.isHeld()) {
			return;
		}
		Map<String, Stock> stockBySku = lockStock(reservation);
		for (ReservedUnits units : reservation.getLines()) {
			stockBySku.get(units.sku()).takeReserved(units.quantity());
		}
		reservation.taken();
		this.events.publishEvent(new StockTaken(orderId));
	}

	@Override
	@Transactional
	public void release(UUID orderId) {
		Reservation reservation = this.reservations.lockByOrderId(orderId).orElse(null);
		if (reservation == null || !reservation.isHeld()) {
			return;
		}
		Map<String, Stock> stockBySku = lockStock(reservation);
		for (ReservedUnits units : reservation.getLines()) {
			stockBySku.get(units.sku()).release(units.quantity());
		}
		reservation.released();
		this.events.publishEvent(new StockReleased(orderId));
	}

	@Override
	@Transactional
	public void putBack(UUID orderId) {
		Reservation reservation = this.reservations.lockByOrderId(orderId).orElse(null);
		if (reservation == null || !reservation.isTaken()) {
			return;
		}
		Map<String, Stock> stockBySku = lockStock(reservation);
		for (ReservedUnits units : reservation.getLines()) {
			stockBySku.get(units.sku()).putBack(units.quantity());
		}
		reservation.returned();
		this.events.publishEvent(new StockPutBack(orderId));
	}

	private Map<String, Stock> lockStock(Reservation reservation) {
		return lockStock(reservation.getLines().stream().map(ReservedUnits::sku).toList());
	}

	/** Locks the stock rows in SKU order, which keeps two orders from deadlocking. */
	private Map<String, Stock> lockStock(List<String> skus) {
		return this.stock.lockAllBySkuIn(skus).stream().collect(Collectors.toMap(Stock::getSku, Function.identity()));
	}

}
