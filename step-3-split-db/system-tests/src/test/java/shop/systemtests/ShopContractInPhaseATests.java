package shop.systemtests;

import java.net.URI;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;

import workshop.contract.ShopContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shop API contract, unmodified, through the gateway in phase A of the catalog's
 * move: the catalog service serves from its old home, the schema catalog of the database
 * shop, and its own database follows.
 */
@Order(10)
class ShopContractInPhaseATests extends ShopContract {

	@BeforeAll
	static void inPhaseA() {
		assertThat(RunningShop.get().migration().phase()).isEqualTo("A");
	}

	@Override
	protected URI baseUrl() {
		return RunningShop.get().gatewayUrl();
	}

}
