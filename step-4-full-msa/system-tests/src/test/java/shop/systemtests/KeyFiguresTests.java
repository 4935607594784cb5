package shop.systemtests;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./workshop status} shows the step's key figures, read from the apps' own
 * metrics: the saga's outcomes, each outbox and the consumers' lag; and where its traces
 * are drawn.
 */
class KeyFiguresTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void statusShowsTheSagasOutcomesTheOutboxesAndTheConsumersLag() {
		Product product = this.shop.createProductWithStock("FIGURES", 500, 5);
		String order = this.shop.call("POST", "/api/orders")
			.json(NewOrder.of(new NewLine(product.sku(), 1)))
			.send()
			.json()
			.path("id")
			.asString();
		assertThat(this.shop.awaitFinalOrder(order).status()).isEqualTo("CONFIRMED");

		String status = this.running.workshop("status");

		assertThat(status).containsSubsequence("KEY FIGURES", "inventory-service  shop_outbox_backlog",
				"payment-service    shop_outbox_backlog", "order-service      shop_orders{status=CONFIRMED}");
		assertThat(status).contains("kafka_consumer_fetch_manager_records_lag_max",
				"order-service      shop_outbox_oldest_age_seconds", "traces: http://127.0.0.1:");
	}

}
