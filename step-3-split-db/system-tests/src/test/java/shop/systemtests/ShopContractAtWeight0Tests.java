package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;

import workshop.contract.ShopContract;

/**
 * The shop API contract, unmodified, through the gateway with every client on the
 * monolith (weight 0): where the strangler fig starts, before any client has moved.
 */
class ShopContractAtWeight0Tests extends ShopContract {

	@BeforeEach
	void routeCatalogAtWeight0() {
		RunningShop.get().cutover().weight(0);
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
