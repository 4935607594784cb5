package shop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a loopback port that plays the catalog service for the monolith's
 * tests: it answers {@code GET /api/products?sku=…} as the service does, from the seed
 * products (same SKUs and prices as the catalog service's seed data) plus what a test
 * sells. A test can make it fail, or stall, to see what the monolith does then.
 * <p>
 * {@link #shared()} is the one every Spring context of the test JVM calls; tests that
 * change its behaviour put it back with {@link #reset()}.
 */
public final class FakeCatalogService {

	private static FakeCatalogService shared;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<String, Long> priceBySku = new ConcurrentSkipListMap<>();

	private final AtomicInteger requests = new AtomicInteger();

	private final AtomicInteger failuresToGo = new AtomicInteger();

	private volatile boolean down;

	private volatile CountDownLatch stall;

	private FakeCatalogService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/products", this::answer);
		this.server.setExecutor(this.threads);
		this.server.start();
		sellSeedProducts();
	}

	/**
	 * The fake catalog service of this test JVM, started on first use.
	 * @return the running server, never null
	 */
	public static synchronized FakeCatalogService shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	/**
	 * A fake catalog service of one's own, for tests that must not disturb the shared
	 * one.
	 * @return the running server, never null
	 */
	public static FakeCatalogService start() {
		try {
			return new FakeCatalogService();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start the fake catalog service", ex);
		}
	}

	/**
	 * Its base URL, what {@code shop.catalog.url} should be.
	 * @return the URL, never null
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Sells a product at a price, or changes its price.
	 * @param sku the product's SKU
	 * @param cents its price in US cents
	 */
	public void sell(String sku, long cents) {
		this.priceBySku.put(sku, cents);
	}

	/** Answers every request with a 503 until {@link #reset()}. */
	public void goDown() {
		this.down = true;
	}

	/**
	 * Answers the next requests with a 503, then normally again.
	 * @param times how many requests fail
	 */
	public void failNext(int times) {
		this.failuresToGo.set(times);
	}

	/** Holds every answer back until {@link #reset()}: a catalog that hangs. */
	public void stall() {
		this.stall = new CountDownLatch(1);
	}

	/** Back to answering at once from the seed products. */
	public void reset() {
		this.down = false;
		this.failuresToGo.set(0);
		CountDownLatch stalled = this.stall;
		this.stall = null;
		if (stalled != null) {
			stalled.countDown();
		}
		this.priceBySku.clear();
		sellSeedProducts();
	}

	/**
	 * How many requests arrived so far, answered or not.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/** Stops the server; only for a server from {@link #start()}. */
	public void stop() {
		reset();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		try (exchange) {
			CountDownLatch stalled = this.stall;
			if (stalled != null) {
				stalled.await();
			}
			if (this.down || this.failuresToGo.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				send(exchange, 503, "{\"status\": 503}");
				return;
			}
			send(exchange, 200, productsAsJson(skusAsked(exchange)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<String> skusAsked(HttpExchange exchange) {
		List<String> skus = new ArrayList<>();
		String query = exchange.getRequestURI().getRawQuery();
		if (query != null) {
			for (String parameter : query.split("&")) {
				if (parameter.startsWith("sku=")) {
					skus.add(URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8));
				}
			}
		}
		return skus;
	}

	private String productsAsJson(List<String> skus) {
		List<String> products = new ArrayList<>();
		this.priceBySku.forEach((sku, cents) -> {
			if (skus.contains(sku)) {
				products.add(
						"{\"sku\": \"%s\", \"name\": \"%s\", \"price\": {\"amount\": %d, \"currency\": \"USD\"}, \"active\": true}"
							.formatted(sku, sku, cents));
			}
		});
		return "[" + String.join(", ", products) + "]";
	}

	private static void send(HttpExchange exchange, int status, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void sellSeedProducts() {
		sell("ESP-BEANS-250", 1450);
		sell("FILTER-BEANS-250", 1650);
		sell("DECAF-BEANS-250", 1550);
		sell("MUG-CLASSIC", 1250);
		sell("CUP-ESPRESSO-2", 1900);
		sell("POUR-OVER", 2800);
		sell("FILTER-PAPER-100", 600);
		sell("KETTLE-GOOSENECK", 5900);
		sell("NOTEBOOK-A5", 1800);
		sell("PEN-FOUNTAIN", 3500);
		sell("INK-BLUE-50", 1200);
		sell("GRINDER-PRO", 89900);
	}

}
