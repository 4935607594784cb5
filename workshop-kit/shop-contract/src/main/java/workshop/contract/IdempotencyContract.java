package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static workshop.contract.Problems.assertProblem;
import static workshop.contract.Problems.fieldsOf;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;

/**
 * The {@code Idempotency-Key} of {@code POST /api/orders}: a client that retries never
 * orders twice. Each test counts orders by the units they took out of stock.
 */
public interface IdempotencyContract extends ContractSection {

	@Test
	default void replaysFirstAnswerWhenSameKeyAndBodyComeAgain() {
		Product mug = shop().createProductWithStock("REPLAY", 1250, 5);
		NewOrder order = NewOrder.of(new NewLine(mug.sku(), 2));
		String key = UUID.randomUUID().toString();
		ShopResponse first = shop().call("POST", "/api/orders").header("Idempotency-Key", key).json(order).send();
		String id = ShopClient.orderIdOf(first);
		assertThat(first.header("Idempotent-Replayed").orElse("false")).as("first answer %s", first).isEqualTo("false");
		shop().awaitFinalOrder(id);

		ShopResponse retry = shop().call("POST", "/api/orders").header("Idempotency-Key", key).json(order).send();

		assertThat(ShopClient.orderIdOf(retry)).isEqualTo(id);
		assertThat(retry.header("Idempotent-Replayed")).as("%s", retry).hasValue("true");
		assertThat(retry.as(Order.class)).isEqualTo(shop().order(id));
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 3, 0, 3));
	}

	@Test
	default void rejectsSameKeyWithDifferentBody() {
		Product mug = shop().createProductWithStock("REUSED", 1250, 5);
		String key = UUID.randomUUID().toString();
		String id = ShopClient.orderIdOf(shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.json(NewOrder.of(new NewLine(mug.sku(), 2)))
			.send());
		Order placed = shop().awaitFinalOrder(id);

		ShopResponse reused = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.json(NewOrder.of(new NewLine(mug.sku(), 1)))
			.send();

		assertProblem(reused, 422, "idempotency-key-reused");
		assertThat(shop().order(id)).isEqualTo(placed);
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 3, 0, 3));
	}

	@Test
	default void createsOneOrderForConcurrentRetriesWithSameKey() {
		Product mug = shop().createProductWithStock("RACEKEY", 1250, 5);
		NewOrder order = NewOrder.of(new NewLine(mug.sku(), 2));
		String key = UUID.randomUUID().toString();

		CompletableFuture<ShopResponse> one = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.json(order)
			.sendAsync();
		CompletableFuture<ShopResponse> other = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", key)
			.json(order)
			.sendAsync();

		String id = ShopClient.orderIdOf(one.join());
		assertThat(ShopClient.orderIdOf(other.join())).isEqualTo(id);
		assertThat(shop().awaitFinalOrder(id).status()).isEqualTo("CONFIRMED");
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 3, 0, 3));
	}

	@Test
	default void placesSeparateOrdersForDifferentKeys() {
		Product mug = shop().createProductWithStock("TWOKEYS", 1250, 5);
		NewOrder order = NewOrder.of(new NewLine(mug.sku(), 2));

		List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())
			.stream()
			.map((key) -> ShopClient
				.orderIdOf(shop().call("POST", "/api/orders").header("Idempotency-Key", key).json(order).send()))
			.toList();

		assertThat(ids).doesNotHaveDuplicates();
		ids.forEach((id) -> assertThat(shop().awaitFinalOrder(id).status()).isEqualTo("CONFIRMED"));
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 1, 0, 1));
	}

	@Test
	default void rejectsKeyLongerThan255Characters() {
		Product mug = shop().createProductWithStock("LONGKEY", 1250, 5);

		ShopResponse response = shop().call("POST", "/api/orders")
			.header("Idempotency-Key", "k".repeat(256))
			.json(NewOrder.of(new NewLine(mug.sku(), 2)))
			.send();

		assertThat(fieldsOf(assertProblem(response, 400, "validation-failed"))).containsExactly("Idempotency-Key");
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 5, 0, 5));
	}

}
