package shop.shared.messaging;

import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The service's topics, and what happens to a message its listener cannot handle: it is
 * tried again {@code shop.messaging.retries} times, then published as it came, with the
 * exception in its headers, to {@code <topic>.DLT}, and the listener moves on to the next
 * message. Messages that cannot be read at all (not JSON, not the expected shape) go
 * there at once: trying them again cannot help. {@code ./workshop status} counts what
 * waits there and {@code ./workshop replay} sends it back.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	/** The suffix of a topic's dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	/**
	 * Every event of the shop's packages annotated {@code @Externalized} is sent to the
	 * topic its annotation names, keyed as it says. Spring Modulith's default looks only
	 * in the application class's package ({@code shop.<context>}), which would leave out
	 * the commands and answers of the other contexts this service sends.
	 */
	@Bean
	EventExternalizationConfiguration externalization() {
		return EventExternalizationConfiguration.defaults("shop").build();
	}

	@Bean
	KafkaAdmin.NewTopics topics(MessagingProperties messaging) {
		return new KafkaAdmin.NewTopics(messaging.topics()
			.stream()
			.flatMap((topic) -> Stream.of(topic, topic + DEAD_LETTER_SUFFIX))
			.map((topic) -> TopicBuilder.name(topic).partitions(messaging.partitions()).build())
			.toArray(NewTopic[]::new));
	}

	@Bean
	DefaultErrorHandler deadLetters(KafkaOperations<Object, Object> kafka, MessagingProperties messaging) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, record.partition()));
		return new DefaultErrorHandler(recoverer,
				new FixedBackOff(messaging.retryInterval().toMillis(), messaging.retries()));
	}

}
