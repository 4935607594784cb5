package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;

/**
 * Buyers racing for the last unit: stock is never sold twice and never goes negative.
 */
public interface LastUnitContract extends ContractSection {

	/**
	 * More buyers than two make a lost update likelier to show, still cheap on two cores.
	 */
	int BUYERS = 4;

	@Test
	default void sellsTheLastUnitToExactlyOneOfConcurrentBuyers() {
		Product last = shop().createProductWithStock("LASTUNIT", 1250, 1);

		List<CompletableFuture<ShopResponse>> attempts = IntStream.range(0, BUYERS)
			.mapToObj((buyer) -> new NewOrder("buyer" + buyer + "@example.com", List.of(new NewLine(last.sku(), 1))))
			.map((order) -> shop().call("POST", "/api/orders").json(order).sendAsync())
			.toList();

		List<Order> orders = attempts.stream()
			.map(CompletableFuture::join)
			.map(ShopClient::orderIdOf)
			.map(shop()::awaitFinalOrder)
			.toList();
		assertThat(orders).filteredOn(Order::status, "CONFIRMED").hasSize(1);
		assertThat(orders).filteredOn(Order::status, "REJECTED")
			.hasSize(BUYERS - 1)
			.allSatisfy((order) -> assertThat(order.reason()).isEqualTo("OUT_OF_STOCK"));
		assertThat(shop().stock(last.sku())).isEqualTo(new Stock(last.sku(), 0, 0, 0));
	}

}
