package shop.payments;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's metrics count what waits in {@code payments.event_publication}, read from
 * the table itself. An event no listener of the service takes stays there, so the test
 * makes one and removes it afterwards.
 */
class OutboxMetricsIntegrationTests extends PaymentServiceIntegrationTest {

	@Autowired
	private MeterRegistry meters;

	@Test
	void countsWhatWaitsInTheOutboxAndHowLongTheOldestHasWaited() {
		UUID waiting = UUID.randomUUID();
		this.jdbc.update("insert into payments.event_publication"
				+ " (id, listener_id, event_type, serialized_event, publication_date)"
				+ " values (?, 'no-such-listener', 'java.lang.String', '\"waiting\"', now() - interval '1 minute')",
				waiting);
		try {
			Awaitility.await("the backlog to count it").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				assertThat(gauge("shop.outbox.backlog")).isPositive()
					.isEqualTo(count("select count(*) from payments.event_publication where completion_date is null"));
			});
			assertThat(gauge("shop.outbox.oldest.age")).isGreaterThanOrEqualTo(60);
		}
		finally {
			this.jdbc.update("delete from payments.event_publication where id = ?", waiting);
		}
		Awaitility.await("the backlog to drop it")
			.atMost(Duration.ofSeconds(5))
			.until(() -> gauge("shop.outbox.backlog") == count(
					"select count(*) from payments.event_publication where completion_date is null"));
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

}
