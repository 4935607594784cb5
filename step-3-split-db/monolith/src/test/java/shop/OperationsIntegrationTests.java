package shop;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators and attendees open besides the API: probes, metrics, OpenAPI,
 * storefront.
 */
class OperationsIntegrationTests extends ShopIntegrationTest {

	@Test
	void answersLivenessAndReadinessProbes() {
		assertThat(this.shop.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
		assertThat(this.shop.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
	}

	@Test
	void exposesInfoAndPrometheusMetrics() {
		assertThat(this.shop.get("/actuator/info").status()).isEqualTo(200);
		ShopClient.Answer metrics = this.shop.get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds");
	}

	@Test
	void publishesTheOpenApiDocumentAndItsUi() {
		ShopClient.Answer document = this.shop.get("/v3/api-docs");
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.json().path("paths").has("/api/orders")).isTrue();
		assertThat(document.json().path("paths").has("/api/products/{id}")).as("the catalog service's").isFalse();
		ShopClient.Answer ui = this.shop.send(this.shop.request("/swagger-ui/index.html").GET());
		assertThat(ui.status()).isEqualTo(200);
		assertThat(this.shop.get("/swagger-ui.html").status()).isIn(200, 302);
	}

	@Test
	void servesTheStorefrontNamingItsServer() {
		ShopClient.Answer page = this.shop.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-testid=\"product-list\"");
		assertThat(page.header("X-Served-By")).isEqualTo("monolith");
		assertThat(this.shop.get("/app.js").status()).isEqualTo(200);
		assertThat(this.shop.get("/style.css").status()).isEqualTo(200);
	}

	@Test
	void showsTheCatalogReplicaInHealthButNotInReadiness() {
		ShopClient.Answer health = this.shop.get("/actuator/health");
		assertThat(health.json().path("components").path("catalogReplica").path("status").asString()).isEqualTo("UP");
		assertThat(health.json()
			.path("components")
			.path("catalogReplica")
			.path("details")
			.path("orderableProducts")
			.asInt()).isGreaterThanOrEqualTo(SEED_PRODUCTS);
		assertThat(this.shop.get("/actuator/health/readiness").json().path("components").has("catalogReplica"))
			.isFalse();
	}

}
