package shop.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config server in the registry serves {@code step-4-full-msa/config} (a copy of it
 * here) to every app, and a changed value takes effect without a restart: the payment
 * service's decline limit is lowered in its file, {@code POST /actuator/refresh} reads it
 * again, and the same order that was confirmed is now rejected.
 */
@Order(20)
class ConfigRefreshTests {

	private static final List<String> APPS = List.of("catalog-service", "inventory-service", "payment-service",
			"order-service", "gateway");

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	private final ShopClient payments = new ShopClient(this.running.url("payment-service"));

	private final Path paymentSettings = this.running.configFolder().resolve("payment-service.yml");

	@Test
	void everyAppTakesTheSharedSettings() {
		for (String app : APPS) {
			ShopResponse info = new ShopClient(this.running.url(app)).get("/actuator/info");

			assertThat(info.json().path("configuration").asString()).as(app).isEqualTo("step-4-full-msa/config");
		}
	}

	@Test
	void aLoweredDeclineLimitRejectsTheNextOrderWithoutARestart() throws IOException {
		Product product = this.shop.createProductWithStock("LIMIT", 50_000, 10); // $500.00
		String before = this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1)));
		assertThat(this.shop.awaitFinalOrder(before).status()).isEqualTo("CONFIRMED");

		String settings = Files.readString(this.paymentSettings);
		try {
			Files.writeString(this.paymentSettings, settings.replace("decline-above: 100000", "decline-above: 40000"));
			ShopResponse refreshed = refresh();

			assertThat(refreshed.status()).isEqualTo(200);
			assertThat(refreshed.body()).contains("shop.payments.decline-above");
			String after = this.shop.placeOrder(NewOrder.of(new NewLine(product.sku(), 1)));
			assertThat(this.shop.awaitFinalOrder(after).status()).isEqualTo("REJECTED");
			new ShopLedger(this.running, this.shop).assertBalanced(product.sku(), 10, List.of(before, after));
		}
		finally {
			Files.writeString(this.paymentSettings, settings);
			assertThat(refresh().status()).isEqualTo(200);
		}
	}

	@Test
	void aRefreshNeedsTheAdministrator() {
		ShopResponse anonymous = this.payments.call("POST", "/actuator/refresh").send();

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
	}

	private ShopResponse refresh() {
		return this.payments.call("POST", "/actuator/refresh").asAdmin().send();
	}

}
