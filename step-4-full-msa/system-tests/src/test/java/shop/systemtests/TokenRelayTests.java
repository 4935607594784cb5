package shop.systemtests;

import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks the login and relays a signed token; each service verifies it
 * against the gateway's public key and trusts nothing else. The same read that the
 * gateway serves is refused when it goes straight to the service, without a token or with
 * the administrator's password, which only the gateway takes.
 */
@Order(20)
class TokenRelayTests {

	/** A read each service answers, by service. */
	private static final Map<String, String> READS = Map.of("catalog-service", "/api/products", "inventory-service",
			"/api/inventory/NO-SUCH-SKU", "order-service", "/api/orders/00000000-0000-0000-0000-000000000000");

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void aServiceCalledDirectlyWithoutTheGatewaysTokenAnswers401() {
		READS.forEach((app, path) -> {
			ShopClient direct = new ShopClient(this.running.url(app));

			ShopResponse throughTheGateway = this.shop.get(path);
			ShopResponse withoutToken = direct.get(path);
			ShopResponse withPassword = direct.call("GET", path).asAdmin().send();

			assertThat(throughTheGateway.status()).as(app).isIn(200, 404);
			assertThat(throughTheGateway.header("X-Served-By")).as(app).hasValue(app);
			for (ShopResponse refused : new ShopResponse[] { withoutToken, withPassword }) {
				assertThat(refused.status()).as(app).isEqualTo(401);
				assertThat(refused.header("WWW-Authenticate")).as(app).hasValue("Bearer realm=\"shop\"");
				assertThat(refused.json().path("type").asString()).as(app)
					.isEqualTo("https://workshop.example/problems/unauthorized");
			}
		});
	}

	@Test
	void theAdministratorsLoginWorksAtTheGatewayOnly() {
		String sku = this.shop.createProductWithStock("RELAY", 1_000, 3).sku();
		ShopClient inventory = new ShopClient(this.running.url("inventory-service"));

		ShopResponse direct = inventory.call("PUT", "/api/inventory/" + sku)
			.asAdmin()
			.body("application/json", "{\"onHand\": 7}")
			.send();
		int afterDirect = this.shop.stock(sku).onHand();
		ShopResponse routed = this.shop.call("PUT", "/api/inventory/" + sku)
			.asAdmin()
			.body("application/json", "{\"onHand\": 9}")
			.send();

		assertThat(direct.status()).isEqualTo(401);
		assertThat(afterDirect).isEqualTo(3);
		assertThat(routed.status()).isEqualTo(200);
		assertThat(this.shop.stock(sku).onHand()).isEqualTo(9);
	}

}
