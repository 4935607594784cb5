package shop.orders;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import shop.CatalogStream;
import shop.orders.internal.OrderService;
import shop.orders.internal.PlaceOrder;
import shop.payments.PaymentDeclined;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order flow with the modules orders depends on, and nothing else: a placed order is
 * pending, and the events of inventory and payments take it to its final status. Prices
 * come from the catalog's replica, fed from the test JVM's change stream.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@TestPropertySource(properties = { "workshop.infra.database=modules",
		"spring.modulith.events.republish-outstanding-events-on-restart=false",
		"shop.catalog.replica.group=modules-catalog-replica" })
class OrdersModuleTests {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry properties) {
		properties.add("spring.kafka.bootstrap-servers", CatalogStream.shared()::bootstrapServers);
	}

	@Autowired
	OrderService orders;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void awaitTheSeedProductsInTheReplica() {
		Awaitility.await("the replica to have the seed products")
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from catalog_replica.products where sku in ('MUG-CLASSIC', 'GRINDER-PRO')",
					Integer.class) == 2);
	}

	@Test
	void confirmsAPlacedOrderOnceStockAndPaymentAgree(Scenario scenario) {
		String email = uniqueEmail();

		scenario.stimulate(() -> this.orders.place(order(email, "MUG-CLASSIC", 1), null))
			.andWaitForStateChange(() -> statusOf(email), (status) -> !"PENDING".equals(status))
			.andVerify((status) -> assertThat(status).isEqualTo("CONFIRMED"));
	}

	@Test
	void rejectsAnOrderAndReleasesItsUnitsWhenPaymentIsDeclined(Scenario scenario) {
		String email = uniqueEmail();
		int reservedBefore = reservedOf("GRINDER-PRO");

		scenario.stimulate(() -> this.orders.place(order(email, "GRINDER-PRO", 2), null).order().getId())
			.andWaitForStateChange(() -> statusOf(email), (status) -> !"PENDING".equals(status))
			.andExpect(PaymentDeclined.class)
			.toArriveAndVerify((declined, orderId) -> {
				assertThat(declined.orderId()).isEqualTo(orderId);
				assertThat(statusOf(email)).isEqualTo("REJECTED");
				assertThat(reasonOf(email)).isEqualTo("PAYMENT_DECLINED");
				assertThat(reservedOf("GRINDER-PRO")).isEqualTo(reservedBefore);
			});
	}

	private static PlaceOrder order(String email, String sku, int quantity) {
		return new PlaceOrder(email, List.of(new PlaceOrder.Line(sku, quantity)));
	}

	private String statusOf(String email) {
		return this.jdbc.queryForObject("select status from orders.orders where customer_email = ?", String.class,
				email);
	}

	private String reasonOf(String email) {
		return this.jdbc.queryForObject("select reason from orders.orders where customer_email = ?", String.class,
				email);
	}

	private int reservedOf(String sku) {
		Integer reserved = this.jdbc.queryForObject("select reserved from inventory.stock where sku = ?", Integer.class,
				sku);
		return (reserved != null) ? reserved : 0;
	}

	private static String uniqueEmail() {
		return "module-" + UUID.randomUUID() + "@example.com";
	}

}
