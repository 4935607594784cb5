package shop.systemtests;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No command is lost when the order service dies between its commit and the send. With
 * the broker down, the order service still takes orders: it commits each order and, in
 * the next transaction, the command to reserve its stock, into the outbox; the send
 * fails. Then the order service is killed with the commands committed and unsent, and
 * started again with the broker: it sends them at start, and the orders go through. The
 * order service's metrics show the backlog while it waits, and none once it is sent.
 */
@Order(80)
class OutboxCrashTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	private final Metrics orderService = new Metrics(this.running.url("order-service"));

	@Test
	void sendsTheCommandsItCommittedBeforeItWasKilled() {
		Product product = this.shop.createProductWithStock("OUTBOX", 800, 10);
		this.running.workshop("kill", "kafka");
		List<String> orders;
		try {
			orders = IntStream.range(0, 3)
				.mapToObj((order) -> this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1))))
				.toList();
			await("three reservations committed to the outbox and not sent").atMost(Duration.ofSeconds(30))
				.until(() -> unsentReservations() == 3);
			assertThat(this.orderService.value("shop_outbox_backlog")).as("the backlog the metrics show")
				.isGreaterThanOrEqualTo(3);
			assertThat(this.orderService.value("shop_outbox_oldest_age_seconds")).isPositive();
			this.running.workshop("kill", "order-service");
		}
		finally {
			this.running.workshop("start", "kafka");
		}
		this.running.workshop("start", "order-service");
		new ShopLedger(this.running, this.shop).assertBalanced(product.sku(), 10, orders);
		await("the outbox emptied").atMost(Duration.ofSeconds(10))
			.until(() -> this.orderService.value("shop_outbox_backlog") == 0);
	}

	private int unsentReservations() throws SQLException {
		try (Connection orders = this.running.database("orders");
				Statement statement = orders.createStatement();
				ResultSet row = statement.executeQuery("select count(*) from orders.event_publication"
						+ " where event_type = 'shop.inventory.ReserveStock' and completion_date is null")) {
			row.next();
			return row.getInt(1);
		}
	}

}
