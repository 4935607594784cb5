package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.Order;

import workshop.contract.ShopContract;

/**
 * The shop API contract, unmodified, through the gateway: the same suite that step 0's
 * monolith passes, now answered by four services that complete each order over Kafka.
 */
@Order(10)
class ShopContractTests extends ShopContract {

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
