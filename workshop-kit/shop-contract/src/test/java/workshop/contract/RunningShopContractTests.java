package workshop.contract;

import java.net.URI;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs the whole contract against a shop that is already running, wherever it is:
 * {@code ./mvnw -pl workshop-kit/shop-contract verify -Dshop.base-url=http://localhost:8080}.
 * Without {@code shop.base-url} there is no shop to test, and this class does not run.
 */
@EnabledIfSystemProperty(named = "shop.base-url", matches = ".*\\S.*")
class RunningShopContractTests extends ShopContract {

	@Override
	protected URI baseUrl() {
		return ContractSettings.baseUrlOverride().orElseThrow();
	}

}
