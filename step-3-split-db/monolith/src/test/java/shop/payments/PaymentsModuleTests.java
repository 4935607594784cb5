package shop.payments;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import shop.payments.internal.Payment;
import shop.payments.internal.PaymentRepository;
import shop.payments.internal.PaymentStatus;
import shop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payments module on its own: it authorizes a total up to the configured limit
 * ($1,000.00), declines above it, and answers once per order.
 */
@ApplicationModuleTest
@TestPropertySource(properties = { "workshop.infra.database=modules",
		"spring.modulith.events.republish-outstanding-events-on-restart=false" })
class PaymentsModuleTests {

	@Autowired
	Payments payments;

	@Autowired
	PaymentRepository records;

	@Test
	void authorizesATotalAtTheLimit(Scenario scenario) {
		UUID orderId = UUID.randomUUID();

		scenario.stimulate(() -> this.payments.authorize(orderId, Money.usd(100_000)))
			.andWaitForEventOfType(PaymentAuthorized.class)
			.matching((authorized) -> authorized.orderId().equals(orderId))
			.toArriveAndVerify(
					(authorized) -> assertThat(statusesOf(orderId)).containsExactly(PaymentStatus.AUTHORIZED));
	}

	@Test
	void declinesATotalAboveTheLimit(Scenario scenario) {
		UUID orderId = UUID.randomUUID();

		scenario.stimulate(() -> this.payments.authorize(orderId, Money.usd(100_001)))
			.andWaitForEventOfType(PaymentDeclined.class)
			.matching((declined) -> declined.orderId().equals(orderId))
			.toArriveAndVerify((declined) -> assertThat(statusesOf(orderId)).containsExactly(PaymentStatus.DECLINED));
	}

	@Test
	void answersOnceWhenAskedTwiceForTheSameOrder() {
		UUID orderId = UUID.randomUUID();

		this.payments.authorize(orderId, Money.usd(1_000));
		this.payments.authorize(orderId, Money.usd(1_000));

		assertThat(statusesOf(orderId)).containsExactly(PaymentStatus.AUTHORIZED);
	}

	private List<PaymentStatus> statusesOf(UUID orderId) {
		return this.records.findAll()
			.stream()
			.filter((payment) -> payment.getOrderId().equals(orderId))
			.map(Payment::getStatus)
			.toList();
	}

}
