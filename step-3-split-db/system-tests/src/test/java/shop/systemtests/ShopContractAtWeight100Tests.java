package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeEach;

import workshop.contract.ShopContract;

/**
 * The shop API contract, unmodified, through the gateway with every client on
 * catalog-service (weight 100): where the strangler fig ends for the catalog.
 */
class ShopContractAtWeight100Tests extends ShopContract {

	@BeforeEach
	void routeCatalogAtWeight100() {
		RunningShop.get().cutover().weight(100);
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
