package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * Sticky routing end to end: the weight splits clients, not requests. 200 clients with
 * fixed ids ({@code X-Client-Id: client-000} to {@code client-199}) each read products
 * several times. The ids are fixed, so where each client lands is decided by the
 * gateway's hash alone and every run sees the same split: these assertions hold exactly,
 * not by luck.
 */
class StickyRoutingIntegrationTests {

	private static final int CLIENTS = 200;

	private static final int READS_PER_CLIENT = 3;

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	private String productPath;

	@BeforeEach
	void pickAProductToRead() {
		ShopResponse list = this.shop.call("GET", "/api/products").header("X-Shop-Route", "catalog-service").send();
		assertThat(list.status()).as("the product list: %s", list).isEqualTo(200);
		this.productPath = "/api/products/" + list.json().get(0).path("id").asString();
	}

	@Test
	void keepsEachClientOnOneSideAndSplitsClientsByTheWeight() {
		this.running.cutover().weight(50);

		Map<String, String> sides = sidesOfFixedClients();

		long onCatalogService = sides.values().stream().filter("catalog-service"::equals).count();
		assertThat(onCatalogService).as("clients on catalog-service at weight 50, of %d", CLIENTS)
			.isBetween(CLIENTS * 35L / 100, CLIENTS * 65L / 100);
		assertThat(sides.values()).containsOnly("catalog-service", "monolith");
	}

	@Test
	void movesEveryClientToTheCatalogServiceAtHundredAndBackOnRollback() {
		this.running.cutover().weight(50);
		assertThat(sidesOfFixedClients().values()).contains("catalog-service", "monolith");

		this.running.cutover().weight(100);
		assertThat(sidesOfFixedClients().values()).containsOnly("catalog-service");

		this.running.cutover().weight(0);
		assertThat(sidesOfFixedClients().values()).containsOnly("monolith");
	}

	@Test
	void keepsAClientThatCarriesTheGatewaysCookieOnOneSide() {
		this.running.cutover().weight(50);

		ShopResponse first = this.shop.get("/api/products");
		String setCookie = first.header("Set-Cookie").orElseThrow();
		assertThat(setCookie).startsWith("shop-client=");
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));
		String side = servedBy(first);

		for (int i = 0; i < READS_PER_CLIENT; i++) {
			ShopResponse again = this.shop.call("GET", this.productPath).header("Cookie", cookie).send();
			assertThat(servedBy(again)).as("read %d with %s", i, cookie).isEqualTo(side);
			assertThat(again.header("Set-Cookie")).as("a second cookie").isEmpty();
		}
		String clientId = cookie.substring("shop-client=".length());
		ShopResponse named = this.shop.call("GET", this.productPath).header("X-Client-Id", clientId).send();
		assertThat(servedBy(named)).as("the cookie's id named in X-Client-Id").isEqualTo(side);
	}

	/**
	 * Sends several product reads for each fixed client, failing when a client changed
	 * sides.
	 * @return each client's side
	 */
	private Map<String, String> sidesOfFixedClients() {
		Map<String, String> sides = new LinkedHashMap<>();
		for (int i = 0; i < CLIENTS; i++) {
			String client = String.format("client-%03d", i);
			for (int read = 0; read < READS_PER_CLIENT; read++) {
				String path = (read == 0) ? "/api/products" : this.productPath;
				String side = servedBy(this.shop.call("GET", path).header("X-Client-Id", client).send());
				String earlier = sides.putIfAbsent(client, side);
				assertThat(side).as("side of %s on read %d", client, read)
					.isEqualTo((earlier != null) ? earlier : side);
			}
		}
		return sides;
	}

	private static String servedBy(ShopResponse response) {
		assertThat(response.status()).as("a product read: %s", response).isEqualTo(200);
		return response.header("X-Served-By").orElse("(no X-Served-By)");
	}

}
