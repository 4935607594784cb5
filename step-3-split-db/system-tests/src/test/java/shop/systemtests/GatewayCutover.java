package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * The gateway's cutover policy for the catalog, changed live through
 * {@code POST /actuator/cutover} as an operator would. Each call sets the whole policy,
 * so a test states its precondition completely and does not depend on what ran before.
 */
final class GatewayCutover {

	private final ShopClient gateway;

	GatewayCutover(URI gatewayUrl) {
		this.gateway = new ShopClient(gatewayUrl);
	}

	/**
	 * Sends this share of clients to catalog-service, without parallel run, with a 503
	 * when catalog-service fails.
	 * @param weight 0 (all on the monolith) to 100 (all on catalog-service)
	 */
	void weight(int weight) {
		change(weight, "none");
	}

	/**
	 * Sets the weight and what happens when catalog-service fails.
	 * @param weight 0 to 100
	 * @param fallback {@code none} (a 503 problem) or {@code monolith} (reads fall back)
	 */
	void change(int weight, String fallback) {
		String policy = "{\"route\":\"catalog\",\"weight\":" + weight + ",\"parallelRun\":false,\"fallback\":\""
				+ fallback + "\"}";
		ShopResponse answer = this.gateway.call("POST", "/actuator/cutover").body("application/json", policy).send();
		assertThat(answer.status()).as("changing the cutover: %s", answer).isEqualTo(200);
		assertThat(answer.json().path("weight").asInt()).as("weight after the change: %s", answer).isEqualTo(weight);
	}

}
