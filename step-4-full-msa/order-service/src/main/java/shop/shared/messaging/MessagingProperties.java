package shop.shared.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service takes part in the order flow over Kafka, under
 * {@code shop.messaging.*}.
 *
 * @param topics the topics the service sends to or reads from: each is created with its
 * dead-letter topic ({@code <topic>.DLT}) when the service starts, if missing
 * @param partitions the partitions of each topic created
 * @param retries how many times a message that failed is tried again before it goes to
 * the dead-letter topic
 * @param retryInterval the pause before each retry
 * @param processedTable the table of the processed-message log, in the service's schema
 * @param resubmitAfter how old an event the outbox has not sent yet must be before it is
 * sent again (the broker was down, the send failed)
 */
@ConfigurationProperties("shop.messaging")
public record MessagingProperties(List<String> topics, @DefaultValue("2") int partitions,
		@DefaultValue("3") int retries, @DefaultValue("200ms") Duration retryInterval, String processedTable,
		@DefaultValue("10s") Duration resubmitAfter) {
}
