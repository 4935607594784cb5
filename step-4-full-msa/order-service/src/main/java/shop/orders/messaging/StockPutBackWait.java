package shop.orders.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import shop.shared.messaging.ProcessedMessages;

/**
 * Read-your-writes for a customer's cancel: the answer waits until the inventory service
 * says the order's units are back on hand ({@code StockPutBack}, recorded by
 * {@link OrderAnswers}), so that the stock the customer reads next shows them, as the API
 * promises. It waits at most {@code shop.orders.cancel-wait}: when the inventory service
 * is down the cancel is answered anyway, and the units come back when it is up again.
 */
@Component
public class StockPutBackWait {

	private static final long POLL_NANOS = Duration.ofMillis(5).toNanos();

	private final ProcessedMessages processed;

	private final Duration timeout;

	StockPutBackWait(ProcessedMessages processed, @Value("${shop.orders.cancel-wait:1s}") Duration timeout) {
		this.processed = processed;
		this.timeout = timeout;
	}

	/**
	 * Waits, bounded, for the units of a cancelled order to be back on hand.
	 * @param orderId the order
	 * @return true if they are, false if the wait timed out
	 */
	public boolean awaitStockPutBack(UUID orderId) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (!this.processed.wasHandled("inventory.stock-put-back", orderId.toString())) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(POLL_NANOS);
		}
		return true;
	}

}
