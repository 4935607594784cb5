package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;

/**
 * Cancelling an order: {@code POST /api/orders/{id}/cancel}, allowed only from {@code
 * CONFIRMED}.
 */
public interface OrderCancellationContract extends ContractSection {

	@Test
	default void cancelsConfirmedOrderAndPutsItsUnitsBack() {
		Product mug = shop().createProductWithStock("CANCEL", 1250, 5);
		String id = shop().placeOrder(NewOrder.of(new NewLine(mug.sku(), 2)));
		assertThat(shop().awaitFinalOrder(id).status()).isEqualTo("CONFIRMED");
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 3, 0, 3));

		ShopResponse response = shop().call("POST", "/api/orders/" + id + "/cancel").send();

		assertThat(response.status()).as("%s", response).isEqualTo(200);
		Order cancelled = response.as(Order.class);
		assertThat(cancelled.id()).isEqualTo(id);
		assertThat(cancelled.status()).isEqualTo("CANCELLED");
		assertThat(cancelled.reason()).isEqualTo("CANCELLED_BY_CUSTOMER");
		assertThat(shop().order(id)).isEqualTo(cancelled);
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 5, 0, 5));
	}

	@Test
	default void refusesToCancelAnOrderTwice() {
		Product mug = shop().createProductWithStock("TWICE", 1250, 5);
		String id = shop().placeOrder(NewOrder.of(new NewLine(mug.sku(), 2)));
		assertThat(shop().awaitFinalOrder(id).status()).isEqualTo("CONFIRMED");
		ShopResponse first = shop().call("POST", "/api/orders/" + id + "/cancel").send();
		assertThat(first.status()).as("%s", first).isEqualTo(200);

		ShopResponse second = shop().call("POST", "/api/orders/" + id + "/cancel").send();

		assertProblem(second, 409, "order-not-cancellable");
		assertThat(shop().order(id).status()).isEqualTo("CANCELLED");
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 5, 0, 5));
	}

	@Test
	default void refusesToCancelRejectedOrder() {
		Product scarce = shop().createProductWithStock("NOCANCEL", 1250, 1);
		String id = shop().placeOrder(NewOrder.of(new NewLine(scarce.sku(), 3)));
		Order rejected = shop().awaitFinalOrder(id);
		assertThat(rejected.status()).isEqualTo("REJECTED");

		ShopResponse response = shop().call("POST", "/api/orders/" + id + "/cancel").send();

		assertProblem(response, 409, "order-not-cancellable");
		assertThat(shop().order(id)).isEqualTo(rejected);
		assertThat(shop().stock(scarce.sku())).isEqualTo(new Stock(scarce.sku(), 1, 0, 1));
	}

	@Test
	default void answersNotFoundWhenCancellingUnknownOrder() {
		assertProblem(shop().call("POST", "/api/orders/" + UUID.randomUUID() + "/cancel").send(), 404,
				"order-not-found");
	}

}
