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
 * Exercise 02: in the modular monolith an order reaches its final status through events.
 * A declined payment must end the order {@code REJECTED} and give its reserved stock
 * back. Checked through the HTTP API only, waiting for the final status as any client
 * must.
 */
@SpringBootTest(classes = ShopApplication.class, webEnvironment = RANDOM_PORT)
class DeclinedPaymentFlowTests {

	// Two units cost $1,200: above the payment provider's default limit of $1,000, so
	// the payment of two is declined and the payment of one is authorized.
	private static final long SIX_HUNDRED_DOLLARS = 60_000;

	@LocalServerPort
	int port;

	@Test
	void rejectsOrderWhenPaymentIsDeclined() {
		Product grinder = shop().createProductWithStock("GRINDER", SIX_HUNDRED_DOLLARS, 5);

		Order order = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(grinder.sku(), 2))));

		assertThat(order.status()).isEqualTo("REJECTED");
		assertThat(order.reason()).isEqualTo("PAYMENT_DECLINED");
	}

	@Test
	void releasesReservationWhenPaymentIsDeclined() {
		Product kettle = shop().createProductWithStock("KETTLE", SIX_HUNDRED_DOLLARS, 2);
		shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(kettle.sku(), 2))));

		Order next = shop().awaitFinalOrder(shop().placeOrder(NewOrder.of(new NewLine(kettle.sku(), 1))));

		assertThat(next.status()).as("the next buyer's order, reason %s", next.reason()).isEqualTo("CONFIRMED");
		assertThat(shop().stock(kettle.sku())).isEqualTo(new Stock(kettle.sku(), 1, 0, 1));
	}

	private ShopClient shop() {
		return new ShopClient(URI.create("http://localhost:" + this.port));
	}

}
