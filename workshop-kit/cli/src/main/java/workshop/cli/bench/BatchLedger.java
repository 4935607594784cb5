package workshop.cli.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * The bookkeeping of one {@link OrderBatch}: for every order, when its POST was sent and
 * answered, where it can be read, and the first time a read (or the POST's answer) showed
 * it final. It does no I/O, so its arithmetic is tested alone. Times are
 * {@link System#nanoTime()} values. Safe to use from several threads.
 */
final class BatchLedger {

	private static final String PENDING = "PENDING";

	private final long[] sentAt;

	private final long[] answeredAt;

	private final long[] finalAt;

	private final String[] status;

	private final URI[] location;

	/**
	 * Opens the ledger of a batch.
	 * @param orders how many orders the batch places, at least 1
	 */
	BatchLedger(int orders) {
		this.sentAt = new long[orders];
		this.answeredAt = new long[orders];
		this.finalAt = new long[orders];
		this.status = new String[orders];
		this.location = new URI[orders];
	}

	int orders() {
		return this.status.length;
	}

	/**
	 * Records the answer to an order's POST.
	 * @param order the order's index in the batch
	 * @param sent when the POST was sent
	 * @param answered when its answer arrived
	 * @param answeredStatus the status in the answer, or {@code null} when the POST
	 * failed (no 201, no {@code Location})
	 * @param orderLocation where the order is read, or {@code null} when the POST failed
	 */
	synchronized void placed(int order, long sent, long answered, String answeredStatus, URI orderLocation) {
		this.sentAt[order] = sent;
		this.answeredAt[order] = answered;
		this.location[order] = orderLocation;
		this.status[order] = (answeredStatus != null && orderLocation != null) ? answeredStatus : null;
		if (this.status[order] != null && !PENDING.equals(this.status[order])) {
			this.finalAt[order] = answered;
		}
	}

	/**
	 * Records a read of a pending order. A read that shows it final sets the time it
	 * became final: at most one read round after it really did.
	 * @param order the order's index in the batch
	 * @param answered when the read's answer arrived
	 * @param readStatus the status read, or {@code null} when the read failed
	 */
	synchronized void read(int order, long answered, String readStatus) {
		this.status[order] = readStatus;
		if (readStatus != null && !PENDING.equals(readStatus)) {
			this.finalAt[order] = answered;
		}
	}

	/**
	 * Returns the orders whose last known status is {@code PENDING}.
	 * @return their indices, in the order they were placed, never null
	 */
	synchronized List<Integer> pending() {
		List<Integer> pending = new ArrayList<>();
		for (int order = 0; order < orders(); order++) {
			if (PENDING.equals(this.status[order])) {
				pending.add(order);
			}
		}
		return pending;
	}

	synchronized URI location(int order) {
		return this.location[order];
	}

	/**
	 * Closes the books: counts the outcomes and measures the span from the first POST
	 * sent to the last order seen final.
	 * @param connections how many connections placed the orders
	 * @param postLatencies the latency of every answered POST
	 * @return the batch's result, never null
	 */
	synchronized BatchResult result(int connections, Histogram postLatencies) {
		long firstSent = Long.MAX_VALUE;
		long lastAnswered = Long.MIN_VALUE;
		long lastFinal = Long.MIN_VALUE;
		int confirmed = 0;
		int otherFinal = 0;
		int stillPending = 0;
		int failed = 0;
		for (int order = 0; order < orders(); order++) {
			firstSent = Math.min(firstSent, this.sentAt[order]);
			lastAnswered = Math.max(lastAnswered, this.answeredAt[order]);
			String outcome = this.status[order];
			if (outcome == null) {
				failed++;
			}
			else if (PENDING.equals(outcome)) {
				stillPending++;
			}
			else {
				lastFinal = Math.max(lastFinal, this.finalAt[order]);
				if ("CONFIRMED".equals(outcome)) {
					confirmed++;
				}
				else {
					otherFinal++;
				}
			}
		}
		long span = (lastFinal == Long.MIN_VALUE) ? 0 : lastFinal - firstSent;
		long drain = (lastFinal == Long.MIN_VALUE) ? 0 : Math.max(0, lastFinal - lastAnswered);
		return new BatchResult(orders(), connections, confirmed, otherFinal, stillPending, failed, span, drain,
				postLatencies);
	}

}
