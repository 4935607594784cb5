package shop.gateway;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cutover changes at runtime through {@code /actuator/cutover}, and one POST rolls it
 * back; a bad change is refused with a problem detail and changes nothing.
 */
class CutoverEndpointIntegrationTests extends GatewayIntegrationTest {

	@Test
	void showsTheCatalogPolicy() {
		HttpResponse<String> policies = get("/actuator/cutover");

		assertThat(policies.statusCode()).isEqualTo(200);
		assertThat(policies.body()).contains("\"route\":\"catalog\"")
			.contains("\"weight\":0")
			.contains("\"parallelRun\":false")
			.contains("\"fallback\":\"none\"");
		assertThat(servedBy(policies)).isEqualTo("gateway");
	}

	@Test
	void movesTrafficWhileRunningAndRollsBackWithOneCall() {
		HttpResponse<String> cutover = post("{\"route\":\"catalog\",\"weight\":100,\"fallback\":\"monolith\"}");

		assertThat(cutover.statusCode()).isEqualTo(200);
		assertThat(cutover.body()).contains("\"weight\":100").contains("\"fallback\":\"monolith\"");
		assertThat(servedBy(get("/api/products", ClientIds.HEADER, "ada"))).isEqualTo("catalog-service");
		assertThat(get("/actuator/cutover/catalog").body()).contains("\"weight\":100");

		HttpResponse<String> rollback = post("{\"route\":\"catalog\",\"weight\":0}");

		assertThat(rollback.statusCode()).isEqualTo(200);
		assertThat(rollback.body()).contains("\"weight\":0").contains("\"fallback\":\"monolith\"");
		assertThat(servedBy(get("/api/products", ClientIds.HEADER, "ada"))).isEqualTo("monolith");
	}

	@Test
	void refusesAWeightOutOfRangeAndKeepsThePolicy() {
		setPolicy(30, false, CutoverPolicy.Fallback.NONE);

		HttpResponse<String> refused = post("{\"route\":\"catalog\",\"weight\":150}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.body()).contains("weight must be between 0 and 100");
		assertThat(this.cutover.policy(Cutover.CATALOG).weight()).isEqualTo(30);
	}

	@Test
	void refusesAnUnknownRoute() {
		HttpResponse<String> refused = post("{\"route\":\"orders\",\"weight\":10}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("no route named 'orders'");
	}

	@Test
	void refusesAnUnknownFallback() {
		HttpResponse<String> refused = post("{\"route\":\"catalog\",\"fallback\":\"retry\"}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("fallback must be 'none' or 'monolith'");
		assertThat(this.cutover.policy(Cutover.CATALOG)).isEqualTo(CutoverPolicy.MONOLITH_ONLY);
	}

	private HttpResponse<String> post(String json) {
		return send(HttpRequest.newBuilder(gateway("/actuator/cutover"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

}
