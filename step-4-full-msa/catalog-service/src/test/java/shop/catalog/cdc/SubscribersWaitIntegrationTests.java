package shop.catalog.cdc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.json.JsonMapper;
import workshop.infra.KafkaBroker;
import workshop.infra.WithInfrastructure;

import shop.catalog.internal.Product;
import shop.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SubscribersWait} on a real broker: a write is answered once the named consumer
 * group has committed past its change, and after the timeout when the group never does.
 */
@WithInfrastructure
class SubscribersWaitIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final String topic = "subscribers-wait-" + UUID.randomUUID();

	@Test
	void answersOnceTheSubscriberHasCommittedPastTheChange(KafkaBroker kafka) throws Exception {
		String group = "subscriber-" + UUID.randomUUID();
		PublishedChanges published = new PublishedChanges();
		Product product = product();
		try (SubscribersWait wait = new SubscribersWait(settings(kafka, group, Duration.ofSeconds(20)), published);
				Producer<String, String> producer = producer(kafka);
				Consumer<String, String> subscriber = subscriber(kafka, group)) {
			publish(producer, published, product);
			CompletableFuture<Void> applying = CompletableFuture.runAsync(() -> {
				subscriber.subscribe(List.of(this.topic));
				while (subscriber.poll(Duration.ofMillis(100)).isEmpty()) {
					// until the change comes
				}
				subscriber.commitSync();
			});

			assertThat(wait.awaitApplied(product)).isTrue();
			applying.join();
		}
	}

	@Test
	void answersAWriteThatALaterWriteOfTheSameProductFollowedAtOnce(KafkaBroker kafka) throws Exception {
		String group = "subscriber-" + UUID.randomUUID();
		PublishedChanges published = new PublishedChanges();
		Product first = product();
		Product second = new Product(first.getSku(), first.getName(), "", new Money(800, "USD"), true);
		ReflectionTestUtils.setField(second, "id", first.getId());
		try (SubscribersWait wait = new SubscribersWait(settings(kafka, group, Duration.ofSeconds(20)), published);
				Producer<String, String> producer = producer(kafka);
				Consumer<String, String> subscriber = subscriber(kafka, group)) {
			publish(producer, published, first);
			publish(producer, published, second);
			subscriber.subscribe(List.of(this.topic));
			int applied = 0;
			while (applied < 2) {
				applied += subscriber.poll(Duration.ofMillis(100)).count();
			}
			subscriber.commitSync();

			// the first write's row is no longer the latest published: it is still found
			assertThat(wait.awaitApplied(first)).isTrue();
			assertThat(wait.awaitApplied(second)).isTrue();
		}
	}

	@Test
	void answersAfterTheTimeoutWhenTheSubscriberNeverApplies(KafkaBroker kafka) throws Exception {
		PublishedChanges published = new PublishedChanges();
		Product product = product();
		try (SubscribersWait wait = new SubscribersWait(
				settings(kafka, "absent-" + UUID.randomUUID(), Duration.ofMillis(300)), published);
				Producer<String, String> producer = producer(kafka)) {
			publish(producer, published, product);

			assertThat(wait.awaitApplied(product)).isFalse();
		}
	}

	private void publish(Producer<String, String> producer, PublishedChanges published, Product product)
			throws Exception {
		String value = json.writeValueAsString(Map.of("after",
				Map.of("id", product.getId().toString(), "sku", product.getSku(), "name", product.getName(),
						"description", product.getDescription(), "price_amount", product.getPrice().amount(),
						"price_currency", product.getPrice().currency(), "active", product.isActive())));
		RecordMetadata where = producer.send(new ProducerRecord<>(this.topic, product.getId().toString(), value)).get();
		published.published(product.getId().toString(), json.readTree(value).path("after"), where);
	}

	private CdcProperties settings(KafkaBroker kafka, String group, Duration timeout) {
		return new CdcProperties(kafka.bootstrapServers(), this.topic, 1, "catalog", "offsets", "copy",
				Duration.ofMillis(20), Duration.ofSeconds(1), List.of(group), timeout, 4096, "catalog_cdc", "cdc");
	}

	private static Product product() {
		Product product = new Product("WAIT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "Waited on",
				"", new Money(700, "USD"), true);
		ReflectionTestUtils.setField(product, "id", UUID.randomUUID());
		return product;
	}

	private static Producer<String, String> producer(KafkaBroker kafka) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
	}

	private static Consumer<String, String> subscriber(KafkaBroker kafka, String group) {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
	}

}
