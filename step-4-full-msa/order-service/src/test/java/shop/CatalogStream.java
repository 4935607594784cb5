package shop;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the catalog's change stream as the step's contract describes it, standing in for
 * the catalog service that produces it: topic {@code catalog.products} (3 partitions,
 * compacted), key the product id, value a Debezium change event without schema, each
 * change of a product at a greater LSN than the one before. Not a fake of the monolith's
 * feed: the feed reads these records from a real broker as it reads the service's.
 * <p>
 * {@link #shared()} creates the topic and writes the catalog's seed products as a
 * snapshot ({@code op: r}), once per test JVM, as the catalog service does when it
 * starts.
 */
public final class CatalogStream {

	static final String TOPIC = "catalog.products";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static CatalogStream shared;

	private final TestBroker broker;

	private final KafkaProducer<String, String> producer;

	private final AtomicLong lsn = new AtomicLong(1_000_000);

	private final Map<String, Product> bySku = new ConcurrentHashMap<>();

	private CatalogStream(TestBroker broker) {
		this.broker = broker;
		try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
			admin
				.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create the topic " + TOPIC, ex);
		}
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
		settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		this.producer = new KafkaProducer<>(settings);
		writeSeedSnapshot();
	}

	/**
	 * The stream of this test JVM, on {@link TestBroker#shared()}, with the seed products
	 * written.
	 * @return the stream, never null
	 */
	public static synchronized CatalogStream shared() {
		if (shared == null) {
			shared = new CatalogStream(TestBroker.shared());
		}
		return shared;
	}

	/**
	 * Where the stream's broker is, what {@code spring.kafka.bootstrap-servers} should
	 * be.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	/**
	 * Adds an active product, or changes the price of the product with that SKU.
	 * @param sku the SKU
	 * @param cents the price in US cents
	 * @return the change's LSN
	 */
	long sell(String sku, long cents) {
		Product before = this.bySku.get(sku);
		Product after = (before != null) ? before.priced(cents) : new Product(UUID.randomUUID(), sku, sku, cents, true);
		return write((before != null) ? "u" : "c", before, after, nextLsn());
	}

	/**
	 * Writes a change of a product with a given LSN, as a redelivery or a late change
	 * would carry it.
	 * @param sku the product's SKU, sold before
	 * @param cents the price the change sets
	 * @param lsn the change's LSN
	 */
	void changeAt(String sku, long cents, long lsn) {
		Product before = product(sku);
		write("u", before, before.priced(cents), lsn);
	}

	/**
	 * Writes a product's row as an incremental snapshot reads it again: {@code op} "r"
	 * with no {@code source.lsn}, its position the last of {@code source.sequence}.
	 * @param sku the product's SKU, sold before
	 * @param cents the price the row has
	 * @param position where the stream was when the row was sent
	 */
	void readAgain(String sku, long cents, long position) {
		Product before = product(sku);
		write("r", null, before.priced(cents), position);
	}

	/**
	 * Deletes a product.
	 * @param sku the product's SKU, sold before
	 * @return the change's LSN
	 */
	long delete(String sku) {
		return write("d", product(sku), null, nextLsn());
	}

	/**
	 * The id of a product sold on the stream.
	 * @param sku its SKU
	 * @return the id, never null
	 */
	UUID idOf(String sku) {
		return product(sku).id();
	}

	private Product product(String sku) {
		Product product = this.bySku.get(sku);
		if (product == null) {
			throw new IllegalArgumentException("The stream carried no product " + sku);
		}
		return product;
	}

	private long nextLsn() {
		return this.lsn.addAndGet(16);
	}

	private long write(String op, Product before, Product after, long lsn) {
		Product product = (after != null) ? after : before;
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("version", "3.6.1.Final");
		source.put("connector", "postgresql");
		source.put("name", "catalog");
		source.put("ts_ms", Instant.now().toEpochMilli());
		source.put("snapshot", op.equals("r") ? "true" : "false");
		boolean readAgain = op.equals("r") && this.bySku.containsKey(product.sku());
		source.put("db", "catalog");
		source.put("schema", "catalog");
		source.put("table", "products");
		source.put("txId", lsn / 16);
		source.put("lsn", readAgain ? null : lsn);
		if (readAgain) {
			source.put("snapshot", "incremental");
			source.put("sequence", "[\"" + lsn + "\",\"" + lsn + "\"]");
		}
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("before", (before != null) ? before.row() : null);
		event.put("after", (after != null) ? after.row() : null);
		event.put("source", source);
		event.put("op", op);
		event.put("ts_ms", Instant.now().toEpochMilli());
		try {
			this.producer.send(new ProducerRecord<>(TOPIC, product.id().toString(), json.writeValueAsString(event)))
				.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException | ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Cannot write a change of " + product.sku(), ex);
		}
		if (after != null) {
			this.bySku.put(after.sku(), after);
		}
		return lsn;
	}

	private void writeSeedSnapshot() {
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a04", "ESP-BEANS-250", "Espresso beans, 250 g", 1450);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a02", "FILTER-BEANS-250", "Filter beans, 250 g", 1650);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a03", "DECAF-BEANS-250", "Decaf beans, 250 g", 1550);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01", "MUG-CLASSIC", "Classic mug", 1250);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a05", "CUP-ESPRESSO-2", "Espresso cups, pair", 1900);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a06", "POUR-OVER", "Pour-over dripper", 2800);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a07", "FILTER-PAPER-100", "Paper filters, 100", 600);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a08", "KETTLE-GOOSENECK", "Gooseneck kettle", 5900);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a09", "NOTEBOOK-A5", "A5 notebook", 1800);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0a", "PEN-FOUNTAIN", "Fountain pen", 3500);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0b", "INK-BLUE-50", "Blue ink, 50 ml", 1200);
		seed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0c", "GRINDER-PRO", "Burr grinder", 89900);
	}

	private void seed(String id, String sku, String name, long cents) {
		write("r", null, new Product(UUID.fromString(id), sku, name, cents, true), nextLsn());
	}

	/** A product as the stream's rows carry it. */
	private record Product(UUID id, String sku, String name, long cents, boolean active) {

		Product priced(long newCents) {
			return new Product(this.id, this.sku, this.name, newCents, this.active);
		}

		Map<String, Object> row() {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", this.id.toString());
			row.put("sku", this.sku);
			row.put("name", this.name);
			row.put("description", "");
			row.put("price_amount", this.cents);
			row.put("price_currency", "USD");
			row.put("active", this.active);
			return row;
		}

	}

}
