package shop.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison message: a reservation the inventory service cannot make, because a batch job
 * holds the stock row it needs locked. Its transaction gives up on the lock after 2 s
 * ({@code lock_timeout}), the listener tries again three times, then parks the command in
 * {@code inventory.reserve-stock.DLT} and goes on: the orders behind it complete.
 * {@code ./workshop status} shows it waiting; once the job has finished (the fix),
 * {@code ./workshop replay} sends it back and its order completes.
 */
@Order(70)
class DeadLetterTests {

	private static final String DEAD_LETTERS = "inventory.reserve-stock.DLT";

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void parksAPoisonMessageWithoutBlockingTheOthersAndReplaysItAfterTheFix() throws SQLException {
		Product locked = this.shop.createProductWithStock("POISON", 600, 10);
		Product free = this.shop.createProductWithStock("BEHIND", 600, 10);
		String poisoned;
		try (Connection batchJob = this.running.database("inventory")) {
			batchJob.setAutoCommit(false);
			lockStock(batchJob, locked.sku());
			poisoned = this.shop.placeOrder(NewOrder.of(new NewLine(locked.sku(), 1)));
			List<String> behind = List.of(this.shop.placeOrder(NewOrder.of(new NewLine(free.sku(), 1))),
					this.shop.placeOrder(NewOrder.of(new NewLine(free.sku(), 1))));

			// an order behind it on the same partition waits for its retries (about 9 s),
			// no longer
			assertThat(new ShopLedger(this.running, this.shop).assertBalanced(free.sku(), 10, behind))
				.allSatisfy((order) -> assertThat(order.status()).isEqualTo("CONFIRMED"));
			await("the reservation parked in " + DEAD_LETTERS).atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> deadLettersLine().contains("1 waiting"));
			assertThat(this.shop.order(poisoned).status()).isEqualTo("PENDING");
			batchJob.rollback();
		}

		String replay = this.running.workshop("replay", DEAD_LETTERS);

		assertThat(replay).contains("replayed 1 message");
		assertThat(this.shop.awaitFinalOrder(poisoned).status()).isEqualTo("CONFIRMED");
		assertThat(deadLettersLine()).doesNotContain("1 waiting");
		new ShopLedger(this.running, this.shop).assertBalanced(locked.sku(), 10, List.of(poisoned));
	}

	private String deadLettersLine() {
		return this.running.workshop("status")
			.lines()
			.filter((line) -> line.contains(DEAD_LETTERS))
			.findFirst()
			.orElse("");
	}

	private static void lockStock(Connection connection, String sku) throws SQLException {
		try (PreparedStatement lock = connection
			.prepareStatement("select on_hand from inventory.stock where sku = ? for update")) {
			lock.setString(1, sku);
			lock.executeQuery().close();
		}
	}

}
