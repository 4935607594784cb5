package shop.inventory;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message the service cannot handle is parked, unchanged, in its topic's dead-letter
 * topic, and the listener moves on. One that cannot be read goes there at once; one that
 * fails is tried again first, each time in a transaction that leaves nothing behind. No
 * message waits for a lock longer than two seconds.
 */
class DeadLetterIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void parksAMessageThatIsNotJsonAndHandlesTheNextOne() {
		String sku = newSku(5);
		String poison = "poison-" + UUID.randomUUID();
		UUID next = UUID.randomUUID();

		broker.send(RESERVE_STOCK, 0, poison, "two mugs, please");
		broker.send(RESERVE_STOCK, 0, next.toString(), reserveStock(next, sku, 1));

		assertThat(broker.await(RESERVE_STOCK + ".DLT", poison)).isEqualTo("two mugs, please");
		assertThat(awaitAnswer("inventory.stock-reserved", next).path("orderId").asString()).isEqualTo(next.toString());
		assertThat(stock(sku).path("reserved").asInt()).isEqualTo(1);
	}

	@Test
	void parksACommandTheDatabaseRefusesAfterItsRetriesWithNothingWritten() {
		String sku = newSku(5);
		UUID order = UUID.randomUUID();
		// a negative quantity breaks the stock's check constraints at the commit
		String command = reserveStock(order, sku, -1);

		send(RESERVE_STOCK, order, command);

		assertThat(broker.await(RESERVE_STOCK + ".DLT", order.toString())).isEqualTo(command);
		assertThat(stock(sku).path("reserved").asInt()).isZero();
		assertThat(count("select count(*) from inventory.reservations where order_id = ?", order)).isZero();
		assertThat(publicationsFor(order)).as("no answer in the outbox").isZero();
		assertThat(count("select count(*) from inventory.processed_messages where message_key = ?", order.toString()))
			.as("no entry in the processed-message log, so a replay is handled")
			.isZero();
	}

	@Test
	void givesUpWaitingForALockAfterTwoSeconds() {
		// a lock held elsewhere fails the message (then retries, then the dead-letter
		// topic) instead of stalling the listener
		assertThat(this.jdbc.queryForObject("show lock_timeout", String.class)).isEqualTo("2s");
	}

}
