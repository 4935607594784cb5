package shop.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service's four commands, sent over Kafka: each changes the stock, as
 * {@code GET /api/inventory/{sku}} shows, and is answered on its own topic, keyed by the
 * order.
 */
class StockCommandsIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void reservesTheUnitsAndAnswersStockReserved() {
		String sku = newSku(5);
		UUID order = UUID.randomUUID();

		send(RESERVE_STOCK, order, reserveStock(order, sku, 2));

		JsonNode answer = awaitAnswer("inventory.stock-reserved", order);
		assertThat(answer.path("orderId").asString()).isEqualTo(order.toString());
		JsonNode stock = stock(sku);
		assertThat(stock.path("onHand").asInt()).isEqualTo(5);
		assertThat(stock.path("reserved").asInt()).isEqualTo(2);
		assertThat(stock.path("available").asInt()).isEqualTo(3);
	}

	@Test
	void answersStockShortAndReservesNothingWhenOneLineAsksForTooMany() {
		String plenty = newSku(5);
		String scarce = newSku(1);
		UUID order = UUID.randomUUID();

		send(RESERVE_STOCK, order, """
				{"orderId": "%s", "lines": [{"sku": "%s", "quantity": 2}, {"sku": "%s", "quantity": 2}]}
				""".formatted(order, plenty, scarce));

		assertThat(awaitAnswer("inventory.stock-short", order).path("orderId").asString()).isEqualTo(order.toString());
		assertThat(stock(plenty).path("reserved").asInt()).isZero();
		assertThat(stock(scarce).path("reserved").asInt()).isZero();
		assertThat(count("select count(*) from inventory.reservations where order_id = ? and status = 'SHORT'", order))
			.isEqualTo(1);
	}

	@Test
	void answersStockShortForASkuWithoutStock() {
		UUID order = UUID.randomUUID();

		send(RESERVE_STOCK, order, reserveStock(order, "NO-SUCH-SKU", 1));

		assertThat(awaitAnswer("inventory.stock-short", order).path("orderId").asString()).isEqualTo(order.toString());
	}

	@Test
	void neverReservesMoreUnitsThanAreAvailable() {
		String sku = newSku(3);
		List<UUID> orders = new ArrayList<>();
		for (int buyer = 0; buyer < 8; buyer++) {
			UUID order = UUID.randomUUID();
			send(RESERVE_STOCK, order, reserveStock(order, sku, 1));
			orders.add(order);
		}

		List<String> outcomes = orders.stream().map(this::awaitOutcome).toList();

		assertThat(outcomes).filteredOn("HELD"::equals).hasSize(3);
		assertThat(outcomes).filteredOn("SHORT"::equals).hasSize(5);
		assertThat(stock(sku).path("available").asInt()).isZero();
	}

	@Test
	void takesTheReservedUnitsAndAnswersStockTaken() {
		String sku = newSku(5);
		UUID order = reserved(sku, 2);

		send(TAKE_RESERVED_STOCK, order, orderIdOf(order));

		assertThat(awaitAnswer("inventory.stock-taken", order).path("orderId").asString()).isEqualTo(order.toString());
		JsonNode stock = stock(sku);
		assertThat(stock.path("onHand").asInt()).isEqualTo(3);
		assertThat(stock.path("reserved").asInt()).isZero();
	}

	@Test
	void releasesTheReservedUnitsAndAnswersStockReleased() {
		String sku = newSku(5);
		UUID order = reserved(sku, 2);

		send(RELEASE_STOCK, order, orderIdOf(order));

		assertThat(awaitAnswer("inventory.stock-released", order).path("orderId").asString())
			.isEqualTo(order.toString());
		JsonNode stock = stock(sku);
		assertThat(stock.path("onHand").asInt()).isEqualTo(5);
		assertThat(stock.path("reserved").asInt()).isZero();
		assertThat(stock.path("available").asInt()).isEqualTo(5);
	}

	@Test
	void putsTakenUnitsBackOnHandAndAnswersStockPutBack() {
		String sku = newSku(5);
		UUID order = reserved(sku, 2);
		send(TAKE_RESERVED_STOCK, order, orderIdOf(order));
		awaitAnswer("inventory.stock-taken", order);

		send(PUT_BACK_STOCK, order, orderIdOf(order));

		assertThat(awaitAnswer("inventory.stock-put-back", order).path("orderId").asString())
			.isEqualTo(order.toString());
		JsonNode stock = stock(sku);
		assertThat(stock.path("onHand").asInt()).isEqualTo(5);
		assertThat(stock.path("reserved").asInt()).isZero();
	}

	/** Waits for the answer to a reservation: {@code HELD} or {@code SHORT}. */
	private String awaitOutcome(UUID order) {
		return Awaitility.await("the outcome of " + order)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.jdbc.queryForList("select status from inventory.reservations where order_id = ?",
					String.class, order), (statuses) -> !statuses.isEmpty())
			.get(0);
	}

}
