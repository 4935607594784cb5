package shop.shared.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox as metrics: {@code shop.outbox.backlog}, the events of this service that
 * wait in {@code event_publication} to be sent to Kafka or handled by a listener, and
 * {@code shop.outbox.oldest.age}, how long the oldest of them has waited (0 when none
 * waits). Read from the table at each scrape, so they also count what a killed process
 * left behind. A backlog that grows while the broker is up means the relay is stuck.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxMetrics {

	@Bean
	MeterBinder outboxBacklog(JdbcTemplate jdbc, @Value("${spring.modulith.events.jdbc.schema}") String schema) {
		String waiting = " from " + schema + ".event_publication where completion_date is null";
		return (registry) -> {
			Gauge.builder("shop.outbox.backlog", () -> jdbc.queryForObject("select count(*)" + waiting, Long.class))
				.description("Events in the outbox not yet sent or handled")
				.register(registry);
			Gauge
				.builder("shop.outbox.oldest.age",
						() -> jdbc.queryForObject(
								"select coalesce(extract(epoch from now() - min(publication_date)), 0)" + waiting,
								Double.class))
				.description("How long the oldest event in the outbox has waited")
				.baseUnit("seconds")
				.register(registry);
		};
	}

}
