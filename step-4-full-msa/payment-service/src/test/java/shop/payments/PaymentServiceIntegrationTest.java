package shop.payments;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one configuration of every integration test: the payment service, its database
 * {@code payments} on the infra module's embedded PostgreSQL, as in
 * {@code ./workshop run}, and the infra module's Kafka broker. The test plays the order
 * service on that broker with the plain Kafka client: it sends the commands and reads the
 * answers. Every test class extends it unchanged, so Spring starts one application
 * context for all of them.
 */
@SpringBootTest(classes = PaymentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class PaymentServiceIntegrationTest {

	static final String AUTHORIZE_PAYMENT = "payments.authorize-payment";

	static final String REFUND_PAYMENT = "payments.refund-payment";

	static final String PAYMENT_AUTHORIZED = "payments.payment-authorized";

	static final String PAYMENT_DECLINED = "payments.payment-declined";

	/** The consumer group of the command listeners, {@code spring.application.name}. */
	static final String COMMANDS_GROUP = "payment-service";

	protected static final Broker broker = Broker.shared();

	private static final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void paymentsDatabase(DynamicPropertyRegistry properties) {
		properties.add("workshop.infra.database", () -> "payments");
	}

	@Autowired
	protected JdbcTemplate jdbc;

	static String authorizePayment(UUID order, long cents) {
		return """
				{"orderId": "%s", "total": {"amount": %d, "currency": "USD"}}
				""".formatted(order, cents);
	}

	static String refundPayment(UUID order, long cents) {
		return authorizePayment(order, cents);
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

	/**
	 * Authorizes a total for a new order and waits for {@code PaymentAuthorized}.
	 * @param cents the total, at most the limit
	 * @return the order
	 */
	protected UUID authorized(long cents) {
		UUID order = UUID.randomUUID();
		send(AUTHORIZE_PAYMENT, order, authorizePayment(order, cents));
		awaitAnswer(PAYMENT_AUTHORIZED, order);
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
	 * The provider's answers recorded for an order.
	 * @param order the order
	 * @return their statuses, oldest first
	 */
	protected List<String> payments(UUID order) {
		return this.jdbc.queryForList("select status from payments.payments where order_id = ? order by created_at",
				String.class, order);
	}

	/**
	 * The events stored in the outbox, the event publication registry, for an order.
	 * @param order the order
	 * @return how many
	 */
	protected int publicationsFor(UUID order) {
		return count("select count(*) from payments.event_publication where serialized_event like ?",
				"%" + order + "%");
	}

	protected int count(String sql, Object... arguments) {
		Integer count = this.jdbc.queryForObject(sql, Integer.class, arguments);
		return (count != null) ? count : 0;
	}

}
