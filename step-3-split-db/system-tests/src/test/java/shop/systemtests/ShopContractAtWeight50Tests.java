package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;

import workshop.contract.ShopContract;

/**
 * The shop API contract, unmodified, through the gateway with half of the clients on
 * catalog-service (weight 50). The suite's own client names no client id, so the gateway
 * treats each of its requests as a new client: the suite's calls land on both sides, and
 * must not notice.
 */
class ShopContractAtWeight50Tests extends ShopContract {

	@BeforeEach
	void routeCatalogAtWeight50() {
		RunningShop.get().cutover().weight(50);
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
