package shop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Product endpoints go to the catalog service; everything else goes to the monolith, and
 * the backends' actuators are not reachable through the gateway.
 */
class RoutingIntegrationTests extends GatewayIntegrationTest {

	private static final String PRODUCT = "/api/products/6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01";

	@Test
	void sendsProductReadsAndWritesToTheCatalogService() {
		int monolithRequests = MONOLITH.requests();

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
		assertThat(MONOLITH.requests()).as("requests that reached the monolith").isEqualTo(monolithRequests);
	}

	@Test
	void sendsEverythingElseToTheMonolith() {
		for (String path : new String[] { "/", "/app.js", "/api/orders/0b0e2f6e-2d0a-4c43-8d3b-3f1d6d1f1f00",
				"/api/inventory/MUG-CLASSIC", "/api/productsheet" }) {
			HttpResponse<String> response = get(path);
			assertThat(servedBy(response)).as(path).isEqualTo("monolith");
			assertThat(response.body()).as(path).contains("\"path\":\"" + path + "\"");
		}
	}

	@Test
	void keepsTheBackendsActuatorsPrivate() {
		int monolithRequests = MONOLITH.requests();

		HttpResponse<String> response = get("/actuator/env");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("https://workshop.example/problems/not-found");
		assertThat(servedBy(response)).isEqualTo("gateway");
		assertThat(MONOLITH.requests()).isEqualTo(monolithRequests);
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

}
