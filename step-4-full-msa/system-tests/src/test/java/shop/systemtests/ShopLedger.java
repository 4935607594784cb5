package shop.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import workshop.contract.Order;
import workshop.contract.ShopClient;
import workshop.contract.Stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The books of the shop after a fault, checked through the API and behind the services'
 * backs in their databases: every order reached a final status, the stock is the initial
 * stock minus the confirmed units with nothing left reserved, and every order was paid at
 * most once, every confirmed order exactly once.
 */
final class ShopLedger {

	/** How long the flow may take to settle after the last restart. */
	static final Duration SETTLES_WITHIN = Duration.ofSeconds(60);

	private final RunningShop running;

	private final ShopClient shop;

	ShopLedger(RunningShop running, ShopClient shop) {
		this.running = running;
		this.shop = shop;
	}

	/**
	 * Waits for every order to leave {@code PENDING}, then checks the books.
	 * @param sku the one SKU the orders bought, one unit each
	 * @param initialStock its units on hand before the orders
	 * @param orderIds the orders
	 * @return the orders, final
	 */
	List<Order> assertBalanced(String sku, int initialStock, List<String> orderIds) {
		List<Order> orders = new ArrayList<>();
		for (String id : orderIds) {
			orders.add(await("order " + id + " to reach a final status").atMost(SETTLES_WITHIN)
				.pollInterval(Duration.ofMillis(200))
				.until(() -> this.shop.order(id), (order) -> !order.isPending()));
		}
		long confirmed = orders.stream().filter((order) -> order.status().equals("CONFIRMED")).count();
		Stock expected = new Stock(sku, initialStock - (int) confirmed, 0, initialStock - (int) confirmed);
		await("the stock of " + sku + " to be " + expected).atMost(SETTLES_WITHIN)
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(this.shop.stock(sku)).isEqualTo(expected));
		for (Order order : orders) {
			int authorized = authorizedPayments(order.id());
			assertThat(authorized).as("authorized payments of %s order %s", order.status(), order.id())
				.isEqualTo(order.status().equals("CONFIRMED") ? 1 : 0);
		}
		return orders;
	}

	private int authorizedPayments(String orderId) {
		try (Connection payments = this.running.database("payments");
				PreparedStatement query = payments.prepareStatement(
						"select count(*) from payments.payments where order_id = ?::uuid and status = 'AUTHORIZED'")) {
			query.setString(1, orderId);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
