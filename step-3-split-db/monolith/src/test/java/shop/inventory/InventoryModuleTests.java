package shop.inventory;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import shop.catalog.ProductAdded;
import shop.inventory.internal.InventoryService;
import shop.inventory.internal.Stock;
import shop.inventory.internal.StockRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory module on its own: no catalog, no orders, no payments in the context. It
 * hears about new products and orders only through events and its API, and answers with
 * events.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "workshop.infra.database=modules",
		"spring.modulith.events.republish-outstanding-events-on-restart=false" })
class InventoryModuleTests {

	@Autowired
	InventoryService inventory;

	@Autowired
	StockRepository stock;

	@Test
	void opensAnEmptyStockRecordWhenTheCatalogAddsAProduct(Scenario scenario) {
		String sku = newSku();

		scenario.publish(new ProductAdded(sku))
			.andWaitForStateChange(() -> this.stock.findById(sku))
			.andVerify((opened) -> assertThat(opened).hasValueSatisfying((stock) -> {
				assertThat(stock.getOnHand()).isZero();
				assertThat(stock.getReserved()).isZero();
			}));
	}

	@Test
	void reservesEveryLineAndAnnouncesIt(Scenario scenario) {
		String mug = stockOf(5);
		String pen = stockOf(5);
		UUID orderId = UUID.randomUUID();

		scenario
			.stimulate(() -> this.inventory.reserve(orderId,
					List.of(new Inventory.Line(mug, 2), new Inventory.Line(pen, 5))))
			.andWaitForEventOfType(StockReserved.class)
			.matching((reserved) -> reserved.orderId().equals(orderId))
			.toArriveAndVerify((reserved) -> {
				assertThat(this.inventory.find(mug).getReserved()).isEqualTo(2);
				assertThat(this.inventory.find(pen).available()).isZero();
			});
	}

	@Test
	void reservesNothingWhenOneLineIsShort(Scenario scenario) {
		String mug = stockOf(5);
		String pen = stockOf(1);
		UUID orderId = UUID.randomUUID();

		scenario
			.stimulate(() -> this.inventory.reserve(orderId,
					List.of(new Inventory.Line(mug, 2), new Inventory.Line(pen, 2))))
			.andWaitForEventOfType(StockShort.class)
			.matching((stockShort) -> stockShort.orderId().equals(orderId))
			.toArriveAndVerify((stockShort) -> {
				assertThat(this.inventory.find(mug).getReserved()).isZero();
				assertThat(this.inventory.find(pen).getReserved()).isZero();
			});
	}

	@Test
	void reservesOnceWhenAnOrderArrivesTwice() {
		String mug = stockOf(5);
		UUID orderId = UUID.randomUUID();

		this.inventory.reserve(orderId, List.of(new Inventory.Line(mug, 2)));
		this.inventory.reserve(orderId, List.of(new Inventory.Line(mug, 2)));

		assertThat(this.inventory.find(mug).getReserved()).isEqualTo(2);
	}

	@Test
	void takesReservedUnitsOffHandOnceAndPutsThemBack() {
		String mug = stockOf(5);
		UUID orderId = UUID.randomUUID();
		this.inventory.reserve(orderId, List.of(new Inventory.Line(mug, 2)));

		this.inventory.takeReserved(orderId);
		this.inventory.takeReserved(orderId);
		Stock taken = this.inventory.find(mug);
		this.inventory.putBack(orderId);
		this.inventory.putBack(orderId);

		assertThat(taken.getOnHand()).isEqualTo(3);
		assertThat(taken.getReserved()).isZero();
		assertThat(this.inventory.find(mug).getOnHand()).isEqualTo(5);
	}

	@Test
	void releasesAReservationOnceAndNeverTakesItAfterwards() {
		String mug = stockOf(5);
		UUID orderId = UUID.randomUUID();
		this.inventory.reserve(orderId, List.of(new Inventory.Line(mug, 2)));

		this.inventory.release(orderId);
		this.inventory.release(orderId);
		this.inventory.takeReserved(orderId);

		Stock released = this.inventory.find(mug);
		assertThat(released.getOnHand()).isEqualTo(5);
		assertThat(released.getReserved()).isZero();
	}

	private String stockOf(int onHand) {
		String sku = newSku();
		this.stock.save(new Stock(sku));
		this.inventory.count(sku, onHand);
		return sku;
	}

	private static String newSku() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

}
