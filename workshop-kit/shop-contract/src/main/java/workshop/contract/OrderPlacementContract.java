package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.Line;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;

/**
 * Placing and reading orders: {@code POST /api/orders} and {@code GET /api/orders/{id}}.
 * The suite reads every outcome from the final status, so it holds for a synchronous
 * monolith and for an asynchronous flow alike.
 */
public interface OrderPlacementContract extends ContractSection {

	@Test
	default void confirmsOrderAndTakesItsUnitsOutOfStock() {
		Product mug = shop().createProductWithStock("CONFIRM", 1250, 10);
		NewOrder order = new NewOrder("ada@example.com", List.of(new NewLine(mug.sku(), 2)));

		ShopResponse response = shop().call("POST", "/api/orders").json(order).send();

		String id = ShopClient.orderIdOf(response);
		Order answered = response.as(Order.class);
		assertThat(answered.id()).isEqualTo(id);
		assertThat(answered.status()).isIn("PENDING", "CONFIRMED");
		Order confirmed = shop().awaitFinalOrder(id);
		assertThat(confirmed.status()).isEqualTo("CONFIRMED");
		assertThat(confirmed.reason()).isNull();
		assertThat(confirmed.customerEmail()).isEqualTo("ada@example.com");
		assertThat(confirmed.lines()).containsExactly(new Line(mug.sku(), 2, Money.usd(1250)));
		assertThat(confirmed.total()).isEqualTo(Money.usd(2500));
		assertThat(Instant.parse(confirmed.createdAt())).isBefore(Instant.now().plusSeconds(60));
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 8, 0, 8));
	}

	@Test
	default void pricesEveryLineFromTheCatalogAndSumsTheTotal() {
		Product mug = shop().createProductWithStock("MUG", 1250, 5);
		Product spoon = shop().createProductWithStock("SPOON", 399, 5);

		Order order = shop()
			.awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(mug.sku(), 2), new NewLine(spoon.sku(), 3))));

		assertThat(order.status()).isEqualTo("CONFIRMED");
		assertThat(order.lines()).containsExactlyInAnyOrder(new Line(mug.sku(), 2, Money.usd(1250)),
				new Line(spoon.sku(), 3, Money.usd(399)));
		assertThat(order.total()).isEqualTo(Money.usd(2 * 1250 + 3 * 399));
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 3, 0, 3));
		assertThat(shop().stock(spoon.sku())).isEqualTo(new Stock(spoon.sku(), 2, 0, 2));
	}

	@Test
	default void rejectsOrderWhenStockIsShortAndReleasesEveryReservation() {
		Product plenty = shop().createProductWithStock("PLENTY", 700, 5);
		Product scarce = shop().createProductWithStock("SCARCE", 700, 1);

		String id = shop().placeOrder(NewOrder.of(new NewLine(plenty.sku(), 2), new NewLine(scarce.sku(), 2)));

		Order rejected = shop().awaitFinalOrder(id);
		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.reason()).isEqualTo("OUT_OF_STOCK");
		assertThat(shop().stock(plenty.sku())).isEqualTo(new Stock(plenty.sku(), 5, 0, 5));
		assertThat(shop().stock(scarce.sku())).isEqualTo(new Stock(scarce.sku(), 1, 0, 1));
	}

	@Test
	default void rejectsOrderWhenPaymentIsDeclinedAndReleasesItsReservation() {
		long limit = ContractSettings.declineAbove();
		Product dear = shop().createProductWithStock("DEAR", limit, 5);

		Order rejected = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(dear.sku(), 2))));

		assertThat(rejected.status()).isEqualTo("REJECTED");
		assertThat(rejected.reason()).isEqualTo("PAYMENT_DECLINED");
		assertThat(rejected.total()).isEqualTo(Money.usd(2 * limit));
		assertThat(shop().stock(dear.sku())).isEqualTo(new Stock(dear.sku(), 5, 0, 5));
	}

	@Test
	default void authorizesPaymentOfExactlyTheLimit() {
		long limit = ContractSettings.declineAbove();
		Product dear = shop().createProductWithStock("LIMIT", limit, 1);

		Order order = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(dear.sku(), 1))));

		assertThat(order.status()).isEqualTo("CONFIRMED");
		assertThat(order.total()).isEqualTo(Money.usd(limit));
		assertThat(shop().stock(dear.sku())).isEqualTo(new Stock(dear.sku(), 0, 0, 0));
	}

	@Test
	default void keepsCapturedPriceWhenCatalogPriceChangesLater() {
		Product mug = shop().createProductWithStock("REPRICE", 1250, 5);
		String id = shop().placeOrder(NewOrder.of(new NewLine(mug.sku(), 2)));
		Order placed = shop().awaitFinalOrder(id);

		ShopResponse repriced = shop().call("PUT", "/api/products/" + mug.id())
			.asAdmin()
			.json(mug.withoutId().withPrice(Money.usd(9999)))
			.send();

		assertThat(repriced.status()).as("%s", repriced).isEqualTo(200);
		Order later = shop().order(id);
		assertThat(later).isEqualTo(placed);
		assertThat(later.lines()).containsExactly(new Line(mug.sku(), 2, Money.usd(1250)));
		assertThat(later.total()).isEqualTo(Money.usd(2500));
	}

	@Test
	default void answersNotFoundForUnknownOrder() {
		assertProblem(shop().get("/api/orders/" + UUID.randomUUID()), 404, "order-not-found");
	}

	@Test
	default void rejectsOrderIdThatIsNotUuid() {
		assertProblem(shop().get("/api/orders/12345"), 400, "malformed-request");
	}

}
