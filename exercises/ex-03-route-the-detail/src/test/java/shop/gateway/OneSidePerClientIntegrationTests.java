package shop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 03: the cutover policy of the catalog decides for every product endpoint, not
 * only for the list. A client that reads the list from the catalog service also reads a
 * product's detail there, and an admin's update goes there too; a client on the
 * monolith's side stays on the monolith for all of them.
 * <p>
 * The tests run the real gateway in front of two real HTTP servers playing the monolith
 * and the catalog service (the gateway's own test harness, {@link GatewayIntegrationTest}
 * and {@link FakeBackend}, which is why they live in the gateway's package). Each answer
 * names the app that served it in {@code X-Served-By}.
 */
class OneSidePerClientIntegrationTests extends GatewayIntegrationTest {

	private static final String LIST = "/api/products";

	private static final String DETAIL = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final String UPDATE = "{\"sku\":\"MUG-CLASSIC\",\"name\":\"Classic mug\"}";

	// Fixed ids, so a failure names the same clients on every run; at weight 50 some of
	// them land on each side.
	private static final int CLIENTS = 20;

	@Test
	void sendsProductDetailAndUpdatesToTheCatalogServiceAtWeightHundred() {
		setPolicy(100, false, CutoverPolicy.Fallback.NONE);

		assertThat(servedBy(get(DETAIL))).as("GET %s at weight 100 was served by", DETAIL).isEqualTo("catalog-service");
		assertThat(servedBy(update(DETAIL))).as("PUT %s at weight 100 was served by", DETAIL)
			.isEqualTo("catalog-service");
	}

	@Test
	void keepsProductDetailAndUpdatesOnTheMonolithAtWeightZero() {
		setPolicy(0, false, CutoverPolicy.Fallback.NONE);

		assertThat(servedBy(get(DETAIL))).as("GET %s at weight 0 was served by", DETAIL).isEqualTo("monolith");
		assertThat(servedBy(update(DETAIL))).as("PUT %s at weight 0 was served by", DETAIL).isEqualTo("monolith");
	}

	@Test
	void showsEveryClientOneSideOnEveryProductEndpoint() {
		setPolicy(50, false, CutoverPolicy.Fallback.NONE);

		Set<String> sidesSeen = new HashSet<>();
		for (int i = 0; i < CLIENTS; i++) {
			String client = "client-" + i;
			String list = servedBy(get(LIST, ClientIds.HEADER, client));
			String detail = servedBy(get(DETAIL, ClientIds.HEADER, client));
			String update = servedBy(update(DETAIL, ClientIds.HEADER, client));

			assertThat(detail).as("at weight 50, %s got the list from %s but GET %s from", client, list, DETAIL)
				.isEqualTo(list);
			assertThat(update).as("at weight 50, %s got the list from %s but PUT %s from", client, list, DETAIL)
				.isEqualTo(list);
			sidesSeen.add(list);
		}
		assertThat(sidesSeen).as("sides of %d clients at weight 50", CLIENTS)
			.containsExactlyInAnyOrder("monolith", "catalog-service");
	}

	@Test
	void letsTestersPinTheProductDetailToEitherSide() {
		setPolicy(0, false, CutoverPolicy.Fallback.NONE);
		assertThat(servedBy(get(DETAIL, Cutover.ROUTE_OVERRIDE, "catalog-service")))
			.as("GET %s at weight 0 with X-Shop-Route: catalog-service was served by", DETAIL)
			.isEqualTo("catalog-service");

		setPolicy(100, false, CutoverPolicy.Fallback.NONE);
		assertThat(servedBy(get(DETAIL, Cutover.ROUTE_OVERRIDE, "monolith")))
			.as("GET %s at weight 100 with X-Shop-Route: monolith was served by", DETAIL)
			.isEqualTo("monolith");
	}

	/** An admin's update of a product through the gateway (name, value… headers). */
	private HttpResponse<String> update(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway(path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(UPDATE));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

}
