package shop.systemtests;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * Orders placed one after the other on a thread of their own, one unit of one SKU each,
 * while a test kills and restarts processes. A customer's retry is what a real client
 * does: each order has its own {@code Idempotency-Key} and is posted again, with that
 * key, until the shop answers 201. So every order the burst meant to place exists exactly
 * once, whatever answered in between (a 503 from the gateway, a refused connection), and
 * the test knows every one of them.
 */
final class OrderBurst implements AutoCloseable {

	/** How long one order is retried before the burst gives up on it. */
	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

	private final ShopClient shop;

	private final List<String> placed = new CopyOnWriteArrayList<>();

	private final ExecutorService thread = Executors.newSingleThreadExecutor();

	private final Future<?> run;

	private volatile int retries;

	private OrderBurst(ShopClient shop, String sku, int orders, Duration spacing) {
		this.shop = shop;
		this.run = this.thread.submit(() -> {
			for (int i = 0; i < orders; i++) {
				this.placed.add(place(sku));
				sleep(spacing);
			}
			return null;
		});
	}

	/**
	 * Starts placing orders.
	 * @param shop the shop's front door
	 * @param sku the SKU every order buys one unit of
	 * @param orders how many orders to place
	 * @param spacing the pause after each order
	 * @return the running burst
	 */
	static OrderBurst start(ShopClient shop, String sku, int orders, Duration spacing) {
		return new OrderBurst(shop, sku, orders, spacing);
	}

	/**
	 * The orders placed so far.
	 * @return their ids
	 */
	int placedSoFar() {
		return this.placed.size();
	}

	/**
	 * Waits for the burst to place all its orders.
	 * @return the ids of every order placed, each once
	 */
	List<String> finish() {
		try {
			this.run.get(5, TimeUnit.MINUTES);
			return List.copyOf(this.placed);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The burst did not place its orders: " + ex.getMessage(), ex);
		}
	}

	/**
	 * How many posts were answered with something else than 201 and sent again.
	 * @return the retries
	 */
	int retries() {
		return this.retries;
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

	private String place(String sku) {
		String key = UUID.randomUUID().toString();
		long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
		while (true) {
			try {
				ShopResponse response = this.shop.call("POST", "/api/orders")
					.header("Idempotency-Key", key)
					.json(NewOrder.of(new NewLine(sku, 1)))
					.send();
				if (response.status() == 201) {
					return ShopClient.orderIdOf(response);
				}
			}
			catch (UncheckedIOException ex) {
				// the connection was refused or cut: the same key, again
			}
			if (System.nanoTime() > giveUp) {
				throw new IllegalStateException("No 201 for order key " + key + " within " + GIVE_UP_AFTER);
			}
			this.retries++;
			sleep(Duration.ofMillis(200));
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
