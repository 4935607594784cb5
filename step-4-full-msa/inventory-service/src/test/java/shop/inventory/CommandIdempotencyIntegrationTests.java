package shop.inventory;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command Kafka delivers twice, as it may (at least once), or that an operator replays
 * from a dead-letter topic: the same topic and key. The service handles it once: the
 * stock changes once, one answer goes out, and the copy is neither an error nor a dead
 * letter. The copy is logged, under the trace its record carries.
 */
@ExtendWith(OutputCaptureExtension.class)
class CommandIdempotencyIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void reservesOnceWhenTheReservationIsDeliveredTwice() {
		String sku = newSku(5);
		UUID order = UUID.randomUUID();

		send(RESERVE_STOCK, order, reserveStock(order, sku, 2));
		RecordMetadata copy = send(RESERVE_STOCK, order, reserveStock(order, sku, 2));

		awaitHandled(copy);
		assertThat(stock(sku).path("reserved").asInt()).isEqualTo(2);
		assertThat(publicationsFor(order)).isEqualTo(1);
		assertAnsweredOnce("inventory.stock-reserved", order);
		assertThat(broker.records(RESERVE_STOCK + ".DLT", order.toString())).isEmpty();
		// the reservation would stop the copy too: the log's row shows that the log did
		assertThat(count("select count(*) from inventory.processed_messages where topic = ? and message_key = ?",
				RESERVE_STOCK, order.toString()))
			.isEqualTo(1);
	}

	@Test
	void takesOnceWhenTheTakeIsDeliveredTwice() {
		String sku = newSku(5);
		UUID order = reserved(sku, 2);

		send(TAKE_RESERVED_STOCK, order, orderIdOf(order));
		RecordMetadata copy = send(TAKE_RESERVED_STOCK, order, orderIdOf(order));

		awaitHandled(copy);
		assertThat(stock(sku).path("onHand").asInt()).isEqualTo(3);
		assertThat(publicationsFor(order)).as("StockReserved and StockTaken").isEqualTo(2);
		assertAnsweredOnce("inventory.stock-taken", order);
		assertThat(broker.records(TAKE_RESERVED_STOCK + ".DLT", order.toString())).isEmpty();
	}

	@Test
	void logsTheSkippedCopyUnderTheTraceItsRecordCarries(CapturedOutput output) {
		String sku = newSku(5);
		UUID order = UUID.randomUUID();
		String traceId = UUID.randomUUID().toString().replace("-", "");

		send(RESERVE_STOCK, order, reserveStock(order, sku, 1));
		RecordMetadata copy = broker.sendTraced(RESERVE_STOCK, order.toString(), reserveStock(order, sku, 1),
				"00-" + traceId + "-" + traceId.substring(0, 16) + "-01");

		awaitHandled(copy);
		assertThat(output.getOut().lines().filter((line) -> line.contains("Skipped a copy of the " + RESERVE_STOCK)))
			.as("the log line of the skipped copy names the sender's trace")
			.anySatisfy((line) -> assertThat(line).contains(traceId).contains(order.toString()));
	}

	/**
	 * Every answer goes out through the outbox: once its publications are complete, what
	 * is on the topic is all there will be.
	 */
	private void assertAnsweredOnce(String topic, UUID order) {
		Awaitility.await("the outbox to have sent every answer for " + order)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count("select count(*) from inventory.event_publication where serialized_event like ?"
					+ " and completion_date is null", "%" + order + "%") == 0);
		assertThat(broker.records(topic, order.toString())).hasSize(1);
	}

}
