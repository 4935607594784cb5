package shop.systemtests;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * GETs of one path through the gateway, back to back on a few threads, while a test kills
 * an instance behind it: each answer other than 200 is counted, by status (0 for a
 * request that got no answer at all).
 */
final class ReadLoad implements AutoCloseable {

	private final ExecutorService threads;

	private final AtomicInteger reads = new AtomicInteger();

	private final Map<Integer, AtomicInteger> failures = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	private ReadLoad(ShopClient shop, String path, int threads) {
		this.threads = Executors.newFixedThreadPool(threads);
		for (int i = 0; i < threads; i++) {
			this.threads.submit(() -> {
				while (this.running) {
					read(shop, path);
				}
			});
		}
	}

	static ReadLoad start(ShopClient shop, String path, int threads) {
		return new ReadLoad(shop, path, threads);
	}

	int reads() {
		return this.reads.get();
	}

	/** Failed reads so far, by status; empty when every read got its 200. */
	Map<Integer, Integer> failures() {
		Map<Integer, Integer> counts = new TreeMap<>();
		this.failures.forEach((status, count) -> counts.put(status, count.get()));
		return counts;
	}

	private void read(ShopClient shop, String path) {
		int status;
		try {
			ShopResponse response = shop.get(path);
			status = response.status();
		}
		catch (RuntimeException ex) {
			status = 0;
		}
		this.reads.incrementAndGet();
		if (status != 200) {
			this.failures.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.threads.shutdown();
		try {
			this.threads.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
