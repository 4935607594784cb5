package shop.exercises;

import java.net.URI;

import org.junit.jupiter.api.Test;
import shop.ShopApplication;
import workshop.contract.Order;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.Stock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

/**
 * Exercise 01: a declined payment must give back the stock its order reserved. Checked
 * through the HTTP API only, so the same checks keep their meaning when orders, inventory
 * and payments become separate services.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = RANDOM_PORT)
class ReleaseOnDeclineTests {

	// Two units cost $1,200: above the payment provider's default limit of $1,000, so
	// the payment of two is declined and the payment of one is authorized.
	private static final long SIX_HUNDRED_DOLLARS = 60_000;

	@LocalServerPort
	int port;

	@Test
	void releasesReservationWhenPaymentIsDeclined() {
		Product grinder = shop().createProductWithStock("GRINDER", SIX_HUNDRED_DOLLARS, 5);

		Order order = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(grinder.sku(), 2))));

		assertThat(order.status()).isEqualTo("REJECTED");
		assertThat(order.reason()).isEqualTo("PAYMENT_DECLINED");
		assertThat(shop().stock(grinder.sku())).as("stock after a declined order")
			.isEqualTo(new Stock(grinder.sku(), 5, 0, 5));
	}

	@Test
	void sellsTheUnitsOfADeclinedOrderToTheNextBuyer() {
		Product kettle = shop().createProductWithStock("KETTLE", SIX_HUNDRED_DOLLARS, 2);
		Order declined = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(kettle.sku(), 2))));

		Order next = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(kettle.sku(), 1))));

		assertThat(declined.reason()).isEqualTo("PAYMENT_DECLINED");
		assertThat(next.status()).as("the next buyer's order, reason %s", next.reason()).isEqualTo("CONFIRMED");
		assertThat(shop().stock(kettle.sku())).isEqualTo(new Stock(kettle.sku(), 1, 0, 1));
	}

	private ShopClient shop() {
		return new ShopClient(URI.create("http://localhost:" + this.port));
	}

}
