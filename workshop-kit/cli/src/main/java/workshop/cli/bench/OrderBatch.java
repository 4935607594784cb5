package workshop.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Measures how many orders per second the shop completes: places a batch of N orders with
 * C connections back to back (POSTs only, nobody waits for an order to finish), then
 * reads the orders still {@code PENDING} in rounds, every 50 ms, each pending order once
 * per round over one connection, until all are final or the deadline passes.
 * <p>
 * Unlike {@link OrderToFinalStatus}, the client's waiting is not in the measure: it sends
 * no reads while the shop works through the POSTs, and afterwards one at a time. The time
 * an order became final is the answer to the first read that shows it final, so the span
 * is at most one round too long; a round takes longer than 50 ms only while many orders
 * are pending, and shrinks as they become final.
 */
final class OrderBatch {

	/** Between the starts of two read rounds. */
	static final Duration READ_ROUND = Duration.ofMillis(50);

	/**
	 * How many reads are in flight at once while the batch drains. One: read with C
	 * connections, the rounds of a slow shop never pause, and the reads take the cores
	 * from the flow they wait for (on step 4, 700 reads a second through the gateway).
	 */
	static final int READERS = 1;

	private final HttpClient client;

	private final HttpRequest placeOrder;

	private final Duration deadline;

	/**
	 * Prepares batches of one kind of order.
	 * @param client the client to send with
	 * @param placeOrder the {@code POST /api/orders} every order sends
	 * @param deadline how long after the last POST's answer the orders may take to become
	 * final; those still pending then count as errors
	 */
	OrderBatch(HttpClient client, HttpRequest placeOrder, Duration deadline) {
		this.client = client;
		this.placeOrder = placeOrder;
		this.deadline = deadline;
	}

	/**
	 * Places a batch and waits for its orders to become final.
	 * @param orders N, how many orders to place, at least 1
	 * @param connections C, how many POSTs are in flight at once, at least 1
	 * @return what was measured, never null
	 * @throws InterruptedException when interrupted
	 */
	BatchResult run(int orders, int connections) throws InterruptedException {
		Placed placed = place(orders, connections);
		return untilFinal(placed, connections);
	}

	/**
	 * Places a batch of orders and returns as soon as every POST is answered.
	 * @param orders how many orders to place (N)
	 * @param connections how many POSTs are in flight at once (C)
	 * @return the orders placed, to pass to {@link #untilFinal}
	 * @throws InterruptedException when interrupted
	 */
	Placed place(int orders, int connections) throws InterruptedException {
		BatchLedger ledger = new BatchLedger(orders);
		Histogram postLatencies = new ConcurrentHistogram(3);
		inParallel(connections, orders, (order) -> place(ledger, order, postLatencies));
		return new Placed(ledger, postLatencies);
	}

	/**
	 * Reads the orders of a batch still pending, once per round, until all are final or
	 * the deadline passes.
	 * @param placed what {@link #place} returned
	 * @param connections C, the connections that placed the batch
	 * @return what the batch measured, never null
	 * @throws InterruptedException when interrupted
	 */
	BatchResult untilFinal(Placed placed, int connections) throws InterruptedException {
		BatchLedger ledger = placed.ledger();
		long giveUpAt = System.nanoTime() + this.deadline.toNanos();
		List<Integer> pending = ledger.pending();
		while (!pending.isEmpty() && System.nanoTime() < giveUpAt) {
			long nextRound = System.nanoTime() + READ_ROUND.toNanos();
			List<Integer> thisRound = pending;
			inParallel(READERS, thisRound.size(), (i) -> read(ledger, thisRound.get(i)));
			pending = ledger.pending();
			long wait = nextRound - System.nanoTime();
			if (!pending.isEmpty() && wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
		}
		return ledger.result(connections, placed.postLatencies());
	}

	private void place(BatchLedger ledger, int order, Histogram postLatencies) throws InterruptedException {
		long sent = System.nanoTime();
		try {
			HttpResponse<String> answer = this.client.send(this.placeOrder, HttpResponse.BodyHandlers.ofString());
			long answered = System.nanoTime();
			postLatencies.recordValue(answered - sent);
			Optional<String> location = answer.headers().firstValue("Location");
			if (answer.statusCode() == 201 && location.isPresent()) {
				URI orderUri = this.placeOrder.uri().resolve(URI.create(location.get()));
				ledger.placed(order, sent, answered, OrderToFinalStatus.statusOf(answer.body()), orderUri);
			}
			else {
				ledger.placed(order, sent, answered, null, null);
			}
		}
		catch (IOException ex) {
			ledger.placed(order, sent, System.nanoTime(), null, null);
		}
	}

	private void read(BatchLedger ledger, int order) throws InterruptedException {
		HttpRequest read = HttpRequest.newBuilder(ledger.location(order)).timeout(Duration.ofSeconds(30)).build();
		try {
			HttpResponse<String> answer = this.client.send(read, HttpResponse.BodyHandlers.ofString());
			String status = (answer.statusCode() == 200) ? OrderToFinalStatus.statusOf(answer.body()) : null;
			ledger.read(order, System.nanoTime(), status);
		}
		catch (IOException ex) {
			ledger.read(order, System.nanoTime(), null);
		}
	}

	/**
	 * Does {@code items} pieces of work on {@code threads} threads, each taking the next
	 * piece as soon as it is done with one, and returns when all are done.
	 */
	private static void inParallel(int threads, int items, Work work) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < Math.min(threads, items); i++) {
			Thread worker = new Thread(() -> {
				try {
					for (int item = next.getAndIncrement(); item < items; item = next.getAndIncrement()) {
						work.on(item);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, "batch-" + i);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
	}

	/**
	 * A batch whose POSTs are answered.
	 *
	 * @param ledger what is known of each order
	 * @param postLatencies the latency of every answered POST
	 */
	record Placed(BatchLedger ledger, Histogram postLatencies) {

	}

	@FunctionalInterface
	private interface Work {

		void on(int item) throws InterruptedException;

	}

}
