package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;

import workshop.contract.ShopContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop API contract, unmodified, through the gateway in phase C of the catalog's
 * move: the old home, its slot and its publication are gone.
 */
@Order(70)
class ShopContractInPhaseCTests extends ShopContract {

	@BeforeAll
	static void inPhaseC() {
		assertThat(RunningShop.get().migration().phase()).isEqualTo("C");
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
