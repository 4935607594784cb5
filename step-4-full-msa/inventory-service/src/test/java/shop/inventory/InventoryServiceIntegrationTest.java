package shop.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one configuration of every integration test: the inventory service on a random
 * port, its database {@code inventory} on the infra module's embedded PostgreSQL, as in
 * {@code ./workshop run}, and the infra module's Kafka broker. The test plays the order
 * service (commands in, answers out) and the catalog (its change stream) on that broker
 * with the plain Kafka client, and calls the API over real HTTP. Every test class extends
 * it unchanged, so Spring starts one application context for all of them.
 */
@SpringBootTest(classes = InventoryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class InventoryServiceIntegrationTest {

	static final String RESERVE_STOCK = "inventory.reserve-stock";

	static final String TAKE_RESERVED_STOCK = "inventory.take-reserved-stock";

	static final String RELEASE_STOCK = "inventory.release-stock";

	static final String PUT_BACK_STOCK = "inventory.put-back-stock";

	static final String CATALOG_PRODUCTS = "catalog.products";

	/** The consumer group of the command listeners, {@code spring.application.name}. */
	static final String COMMANDS_GROUP = "inventory-service";

	/** The consumer group that follows the catalog's change stream. */
	static final String CATALOG_GROUP = "inventory-new-products";

	protected static final Broker broker = Broker.shared();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void inventoryDatabase(DynamicPropertyRegistry properties) {
		properties.add("workshop.infra.database", () -> "inventory");
		// no gateway: the tests sign its tokens with a key of their own
		properties.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				GatewayTokens::publicKeyLocation);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	/**
	 * Adds a product of a new SKU on the catalog's change stream, waits until the
	 * inventory has opened its stock, and counts units on hand as an administrator, so
	 * each test owns the stock it changes.
	 * @param onHand the units on hand
	 * @return the SKU
	 */
	protected String newSku(int onHand) {
		String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		catalogChange("c", sku);
		Awaitility.await("the stock of " + sku)
			.atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> get("/api/inventory/" + sku).statusCode() == 200);
		HttpResponse<String> counted = putAsAdmin("/api/inventory/" + sku, "{\"onHand\": " + onHand + "}");
		if (counted.statusCode() != 200) {
			throw new IllegalStateException("Could not count the stock: " + counted.body());
		}
		return sku;
	}

	/**
	 * Writes a change of the catalog's products as Debezium does: keyed by the product's
	 * id, the row after the change under {@code after}.
	 * @param op {@code c} for a new product, {@code u} for a change
	 * @param sku the product's SKU
	 * @return where the change was written
	 */
	protected RecordMetadata catalogChange(String op, String sku) {
		String id = UUID.nameUUIDFromBytes(sku.getBytes(StandardCharsets.UTF_8)).toString();
		return broker.send(CATALOG_PRODUCTS, id, """
				{"before": null,
				 "after": {"id": "%s", "sku": "%s", "name": "%s", "description": "", "price_amount": 1250,
				           "price_currency": "USD", "active": true},
				 "source": {"connector": "postgresql", "db": "catalog", "schema": "catalog", "table": "products"},
				 "op": "%s", "ts_ms": 0}
				""".formatted(id, sku, sku, op));
	}

	/**
	 * Sends a command as the order service does: JSON, keyed by the order.
	 * @param topic the command's topic
	 * @param order the order
	 * @param command the command's JSON
	 * @return where it was written
	 */
	protected RecordMetadata send(String topic, UUID order, String command) {
		return broker.send(topic, order.toString(), command);
	}

	static String reserveStock(UUID order, String sku, int quantity) {
		return """
				{"orderId": "%s", "lines": [{"sku": "%s", "quantity": %d}]}
				""".formatted(order, sku, quantity);
	}

	/**
	 * The body of {@code TakeReservedStock}, {@code ReleaseStock} and
	 * {@code PutBackStock}.
	 */
	static String orderIdOf(UUID order) {
		return "{\"orderId\": \"" + order + "\"}";
	}

	/**
	 * Reserves units for a new order and waits for {@code StockReserved}.
	 * @param sku the SKU
	 * @param quantity the units
	 * @return the order
	 */
	protected UUID reserved(String sku, int quantity) {
		UUID order = UUID.randomUUID();
		send(RESERVE_STOCK, order, reserveStock(order, sku, quantity));
		awaitAnswer("inventory.stock-reserved", order);
		return order;
	}

	/**
	 * Waits for the service's answer for an order.
	 * @param topic the answer's topic
	 * @param order the order
	 * @return the answer's JSON
	 */
	protected JsonNode awaitAnswer(String topic, UUID order) {
		return json.readTree(broker.await(topic, order.toString()));
	}

	/**
	 * Waits until the command listeners have handled a record.
	 * @param sent the record
	 */
	protected void awaitHandled(RecordMetadata sent) {
		broker.awaitHandled(COMMANDS_GROUP, sent);
	}

	/**
	 * The stock of a SKU, read over HTTP as anyone may.
	 * @param sku the SKU
	 * @return {@code sku}, {@code onHand}, {@code reserved}, {@code available}
	 */
	protected JsonNode stock(String sku) {
		HttpResponse<String> answer = get("/api/inventory/" + sku);
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("No stock for " + sku + ": " + answer.body());
		}
		return json(answer);
	}

	/**
	 * The events stored in the outbox, the event publication registry, for an order.
	 * @param order the order
	 * @return how many
	 */
	protected int publicationsFor(UUID order) {
		return count("select count(*) from inventory.event_publication where serialized_event like ?",
				"%" + order + "%");
	}

	protected int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

	protected HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	protected HttpResponse<String> putAsAdmin(String path, String body) {
		return send(request(path).setHeader("Authorization", GatewayTokens.admin())
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A request with the anonymous token, as the gateway sends one for a caller who did
	 * not log in; {@code setHeader("Authorization", …)} replaces it.
	 */
	protected HttpRequest.Builder request(String path) {
		return requestWithoutToken(path).setHeader("Authorization", GatewayTokens.anonymous());
	}

	/** A request with no {@code Authorization}, such as one that bypasses the gateway. */
	protected HttpRequest.Builder requestWithoutToken(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("The inventory service did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while calling the inventory service", ex);
		}
	}

	protected static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

}
