package shop.gateway;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each part of the API goes to the service that owns it; the gateway serves the
 * storefront itself and answers any other path with a 404 problem, so the backends'
 * actuators are not reachable through it.
 */
class RoutingIntegrationTests extends GatewayIntegrationTest {

	private static final String PRODUCT = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	private static final String ORDER = "/api/orders/0b0e2f6e-2d0a-4c43-8d3b-3f1d6d1f1f00";

	@Test
	void sendsProductReadsAndWritesToTheCatalogService() {
		int otherRequests = INVENTORY_SERVICE.requests() + ORDER_SERVICE.requests();

		HttpResponse<String> list = get("/api/products");
		HttpResponse<String> detail = get(PRODUCT + "?view=full");
		HttpResponse<String> created = send(HttpRequest.newBuilder(gateway("/api/products"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"CUP-SMALL\"}"))
			.build());
		HttpResponse<String> changed = send(HttpRequest.newBuilder(gateway(PRODUCT))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"sku\":\"MUG-CLASSIC\"}"))
			.build());

		assertThat(servedBy(list)).isEqualTo("catalog-service");
		assertThat(list.body()).contains("\"path\":\"/api/products\"");
		assertThat(servedBy(detail)).isEqualTo("catalog-service");
		assertThat(detail.body()).contains("\"path\":\"" + PRODUCT + "\"");
		assertThat(servedBy(created)).isEqualTo("catalog-service");
		assertThat(created.body()).contains("\"method\":\"POST\"");
		assertThat(servedBy(changed)).isEqualTo("catalog-service");
		assertThat(changed.body()).contains("\"method\":\"PUT\"");
		assertThat(INVENTORY_SERVICE.requests() + ORDER_SERVICE.requests()).as("requests that reached other services")
			.isEqualTo(otherRequests);
	}

	@Test
	void sendsStockToTheInventoryService() {
		int otherRequests = CATALOG_SERVICE.requests() + ORDER_SERVICE.requests();

		for (String path : new String[] { "/api/inventory", "/api/inventory/MUG-CLASSIC" }) {
			HttpResponse<String> response = get(path);
			assertThat(servedBy(response)).as(path).isEqualTo("inventory-service");
			assertThat(response.body()).as(path).contains("\"path\":\"" + path + "\"");
		}
		assertThat(CATALOG_SERVICE.requests() + ORDER_SERVICE.requests()).as("requests that reached other services")
			.isEqualTo(otherRequests);
	}

	@Test
	void sendsOrdersToTheOrderService() {
		int otherRequests = CATALOG_SERVICE.requests() + INVENTORY_SERVICE.requests();

		HttpResponse<String> placed = send(HttpRequest.newBuilder(gateway("/api/orders"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[]}"))
			.build());
		HttpResponse<String> detail = get(ORDER);

		assertThat(servedBy(placed)).isEqualTo("order-service");
		assertThat(placed.body()).contains("\"method\":\"POST\"").contains("\"path\":\"/api/orders\"");
		assertThat(servedBy(detail)).isEqualTo("order-service");
		assertThat(detail.body()).contains("\"path\":\"" + ORDER + "\"");
		assertThat(CATALOG_SERVICE.requests() + INVENTORY_SERVICE.requests()).as("requests that reached other services")
			.isEqualTo(otherRequests);
	}

	@Test
	void servesTheStorefrontItself() throws IOException {
		int backendRequests = backendRequests();

		HttpResponse<String> page = get("/");
		HttpResponse<String> script = get("/app.js");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).isEqualTo(staticFile("index.html")).contains("<title>Beans &amp; Ink");
		assertThat(servedBy(page)).isEqualTo("gateway");
		assertThat(script.statusCode()).isEqualTo(200);
		assertThat(script.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
		assertThat(script.body()).isEqualTo(staticFile("app.js"));
		assertThat(servedBy(script)).isEqualTo("gateway");
		assertThat(backendRequests()).as("requests that reached a backend").isEqualTo(backendRequests);
	}

	@Test
	void answersNotFoundForAPathNoServiceOwns() {
		int backendRequests = backendRequests();

		for (String path : new String[] { "/api/nothing", "/nothing", "/api/productsheet" }) {
			HttpResponse<String> response = get(path);

			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(response.body()).as(path)
				.contains("\"type\":\"https://workshop.example/problems/not-found\"")
				.contains("\"instance\":\"" + path + "\"");
			assertThat(servedBy(response)).as(path).isEqualTo("gateway");
		}
		assertThat(backendRequests()).as("requests that reached a backend").isEqualTo(backendRequests);
	}

	@Test
	void keepsTheBackendsActuatorsPrivate() {
		int backendRequests = backendRequests();

		HttpResponse<String> response = get("/actuator/env");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("https://workshop.example/problems/not-found");
		assertThat(servedBy(response)).isEqualTo("gateway");
		assertThat(backendRequests()).isEqualTo(backendRequests);
	}

	@Test
	void namesItselfOnItsOwnAnswers() {
		HttpResponse<String> health = get("/actuator/health/readiness");

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(servedBy(health)).isEqualTo("gateway");
	}

	@Test
	void exposesPrometheusMetrics() {
		HttpResponse<String> metrics = get("/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	/** A file of the storefront, as the gateway's static resources hold it. */
	private static String staticFile(String name) throws IOException {
		return new ClassPathResource("static/" + name).getContentAsString(StandardCharsets.UTF_8);
	}

}
