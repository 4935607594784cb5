package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;

import workshop.contract.ShopContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop API contract, unmodified, through the gateway in phase B of the catalog's
 * move: the catalog service serves from its own database; the old home stays, no longer
 * written.
 */
@Order(50)
class ShopContractInPhaseBTests extends ShopContract {

	@BeforeAll
	static void inPhaseB() {
		assertThat(RunningShop.get().migration().phase()).isEqualTo("B");
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
