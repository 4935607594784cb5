package shop.shared.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of the messages the service has handled, which makes every listener idempotent.
 * Kafka delivers at least once: a message comes again when the service stopped after
 * handling it but before its offset was committed, or when it is replayed from the
 * dead-letter topic. A message is named by its topic and key: every message of the order
 * flow is keyed by its order's id, and each topic carries at most one message per order
 * (one reservation, one payment, one refund...).
 * <p>
 * A listener records the message in the transaction of its effect: both commit, or
 * neither, so a message is handled exactly once whatever Kafka delivers. A copy is
 * logged, under the trace of the record that brought it.
 */
@Component
public class ProcessedMessages {

	private static final Logger logger = LoggerFactory.getLogger(ProcessedMessages.class);

	private final JdbcTemplate jdbc;

	private final String insert;

	ProcessedMessages(JdbcTemplate jdbc, MessagingProperties messaging) {
		this.jdbc = jdbc;
		this.insert = "insert into " + messaging.processedTable()
				+ " (topic, message_key) values (?, ?) on conflict do nothing";
	}

	/**
	 * Records a message as handled, in the caller's transaction.
	 * @param topic the topic it came from
	 * @param key its key, the order's id
	 * @return true the first time, false if it was handled before (the caller then does
	 * nothing)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean firstDelivery(String topic, String key) {
		boolean first = this.jdbc.update(this.insert, topic, key) == 1;
		if (!first) {
			logger.info("Skipped a copy of the {} message for {}: it was handled before", topic, key);
		}
		return first;
	}

}
