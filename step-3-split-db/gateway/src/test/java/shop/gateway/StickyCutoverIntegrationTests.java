package shop.gateway;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cutover weight splits clients, not requests: each client stays on its side, raising
 * the weight only moves clients to the new service, and testers can pin a side.
 */
class StickyCutoverIntegrationTests extends GatewayIntegrationTest {

	private static final int CLIENTS = 200;

	private static final int REQUESTS_PER_CLIENT = 3;

	@Test
	void keepsEveryClientOnOneSideAndSplitsThemByTheWeight() {
		setPolicy(50, false, CutoverPolicy.Fallback.NONE);

		Map<String, String> sideOfClient = sidesOfNewClients();

		long onCatalogService = sideOfClient.values().stream().filter("catalog-service"::equals).count();
		assertThat(onCatalogService).isBetween(70L, 130L);
	}

	@Test
	void onlyMovesClientsToTheNewServiceWhenTheWeightRises() {
		setPolicy(20, false, CutoverPolicy.Fallback.NONE);
		Map<String, String> before = sidesOfNewClients();

		setPolicy(60, false, CutoverPolicy.Fallback.NONE);
		int moved = 0;
		for (Map.Entry<String, String> client : before.entrySet()) {
			String now = servedBy(get("/api/products", ClientIds.HEADER, client.getKey()));
			if (client.getValue().equals("catalog-service")) {
				assertThat(now).as("client " + client.getKey() + " went back").isEqualTo("catalog-service");
			}
			else if (now.equals("catalog-service")) {
				moved++;
			}
		}
		assertThat(moved).isPositive();
	}

	@Test
	void sendsNobodyToTheNewServiceAtZeroAndEverybodyAtHundred() {
		setPolicy(0, false, CutoverPolicy.Fallback.NONE);
		assertThat(sidesOfNewClients().values()).containsOnly("monolith");

		setPolicy(100, false, CutoverPolicy.Fallback.NONE);
		assertThat(sidesOfNewClients().values()).containsOnly("catalog-service");
	}

	@Test
	void letsTestersPinEitherSideWithAHeader() {
		setPolicy(0, false, CutoverPolicy.Fallback.NONE);
		assertThat(servedBy(get("/api/products", Cutover.ROUTE_OVERRIDE, "catalog-service")))
			.isEqualTo("catalog-service");

		setPolicy(100, false, CutoverPolicy.Fallback.NONE);
		assertThat(servedBy(get("/api/products", Cutover.ROUTE_OVERRIDE, "monolith"))).isEqualTo("monolith");
	}

	@Test
	void givesANewClientACookieThatKeepsItsSide() {
		setPolicy(50, false, CutoverPolicy.Fallback.NONE);

		HttpResponse<String> first = get("/api/products");
		String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).startsWith(ClientIds.COOKIE + "=").contains("Max-Age=").containsIgnoringCase("HttpOnly");
		String cookie = setCookie.substring(0, setCookie.indexOf(';'));

		for (int i = 0; i < 5; i++) {
			HttpResponse<String> again = get("/api/products", "Cookie", cookie);
			assertThat(servedBy(again)).isEqualTo(servedBy(first));
			assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
		}
	}

	@Test
	void setsNoCookieForAClientThatNamesItself() {
		HttpResponse<String> response = get("/api/products", ClientIds.HEADER, "script-1");

		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
	}

	/**
	 * Sends a few reads for each of many new clients; fails if any client changed sides.
	 */
	private Map<String, String> sidesOfNewClients() {
		Map<String, String> sideOfClient = new HashMap<>();
		for (int i = 0; i < CLIENTS; i++) {
			String clientId = UUID.randomUUID().toString();
			for (int request = 0; request < REQUESTS_PER_CLIENT; request++) {
				String side = servedBy(get("/api/products", ClientIds.HEADER, clientId));
				String earlier = sideOfClient.putIfAbsent(clientId, side);
				assertThat(side).as("client " + clientId).isEqualTo((earlier != null) ? earlier : side);
			}
		}
		return sideOfClient;
	}

}
