package shop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a loopback port that stands in for the catalog service where the
 * real one cannot be told what to do: it fails, goes down, hangs, stops halfway through
 * an answer, or answers a given problem, on request, and records every call it received
 * ({@link #calls()}). Otherwise it answers the two reads the monolith's order path asks:
 * {@code GET /api/products} (with {@code ?sku=…}) and {@code GET /api/products/{id}},
 * from the catalog service's seed products (same ids, SKUs and prices, which the module
 * and step-1 tests read) plus what a test sells ({@link #sell}).
 * <p>
 * It plays no rule of the catalog: a write it is not told to fail is refused with a 501.
 * What the product API answers, writes and refusals included, is tested against the real
 * catalog service, in the system tests ({@code ProductFacadeIntegrationTests}) and by the
 * contract suite through the gateway at weight 0.
 * <p>
 * {@link #shared()} is the one every Spring context of the test JVM calls; tests that
 * change its behaviour put it back with {@link #reset()}.
 */
public final class FakeCatalogService {

	/**
	 * The catalog service's administrator the monolith is configured with in tests: not
	 * the shop's, so tests see whose login the monolith sends.
	 */
	public static final String USERNAME = "catalog-admin";

	/** That administrator's password. */
	public static final String PASSWORD = "catalog-secret";

	private static final String PRODUCTS = "/api/products";

	private static final String PROBLEMS = "https://workshop.example/problems/";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static FakeCatalogService shared;

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<UUID, FakeProduct> products = new ConcurrentHashMap<>();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToGo = new AtomicInteger();

	private volatile boolean down;

	private volatile CountDownLatch stall;

	private final AtomicInteger bodiesToHoldBack = new AtomicInteger();

	private volatile Call nextAnswer;

	private volatile CountDownLatch heldBodies = new CountDownLatch(1);

	private FakeCatalogService() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext(PRODUCTS, this::answer);
		this.server.setExecutor(this.threads);
		this.server.start();
		addSeedProducts();
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
	 * Sells an active product at a price, or changes the price of the product with that
	 * SKU.
	 * @param sku the product's SKU
	 * @param cents its price in US cents
	 */
	public void sell(String sku, long cents) {
		Optional<FakeProduct> existing = find(sku);
		UUID id = existing.map(FakeProduct::id).orElseGet(UUID::randomUUID);
		String name = existing.map(FakeProduct::name).orElse(sku);
		String description = existing.map(FakeProduct::description).orElse("");
		this.products.put(id, new FakeProduct(id, sku, name, description, cents));
	}

	/**
	 * The id of the product with a SKU.
	 * @param sku the SKU
	 * @return the id, never null
	 * @throws IllegalArgumentException if no product has that SKU
	 */
	public UUID idOf(String sku) {
		return find(sku).map(FakeProduct::id)
			.orElseThrow(() -> new IllegalArgumentException("The fake catalog sells no " + sku));
	}

	/** Answers every request with a 503 until {@link #reset()}. */
	public void goDown() {
		this.down = true;
	}

	/**
	 * Answers the next requests with a 503, then normally again. A failed write changes
	 * nothing.
	 * @param times how many requests fail
	 */
	public void failNext(int times) {
		this.failuresToGo.set(times);
	}

	/**
	 * Holds every answer back until {@link #reset()}, then answers 503 without doing
	 * anything: a catalog that hangs.
	 */
	public void stall() {
		this.stall = new CountDownLatch(1);
	}

	/**
	 * Starts the next answers, status and headers, then holds their bodies back until
	 * {@link #reset()}: a catalog that stops halfway through an answer. Meant for reads.
	 * @param times how many answers stop halfway
	 */
	public void holdBackBodyOfNext(int times) {
		this.bodiesToHoldBack.set(times);
	}

	/**
	 * Answers the next request with this, whatever it asks: a problem detail the service
	 * could send, a refused login, ...
	 * @param status the status
	 * @param contentType the content type
	 * @param body the body, sent as it is
	 */
	public void answerNext(int status, String contentType, String body) {
		this.nextAnswer = new Call(null, null, null, null, null).answered(status, contentType, body);
	}

	/** Back to answering at once, from the seed products only. */
	public void reset() {
		this.down = false;
		this.nextAnswer = null;
		this.failuresToGo.set(0);
		this.bodiesToHoldBack.set(0);
		this.heldBodies.countDown();
		this.heldBodies = new CountDownLatch(1);
		CountDownLatch stalled = this.stall;
		this.stall = null;
		if (stalled != null) {
			stalled.countDown();
		}
		this.products.clear();
		addSeedProducts();
	}

	/**
	 * How many requests arrived so far, answered or not.
	 * @return the count
	 */
	public int requests() {
		return this.calls.size();
	}

	/**
	 * Every request that arrived so far, oldest first.
	 * @return a copy, never null
	 */
	public List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The requests that arrived after the first {@code count}.
	 * @param count how many to skip, usually {@link #requests()} taken before
	 * @return the later calls, never null
	 */
	public List<Call> callsAfter(int count) {
		List<Call> all = calls();
		return all.subList(Math.min(count, all.size()), all.size());
	}

	/** Stops the server; only for a server from {@link #start()}. */
	public void stop() {
		reset();
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void answer(HttpExchange exchange) throws IOException {
		Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		int index = arrived(call);
		try (exchange) {
			CountDownLatch stalled = this.stall;
			if (stalled != null) {
				stalled.await();
				// too late: the caller gave up long ago, and a test that comes after must
				// not see this request take effect
				send(exchange, answered(index, call.answered(503, "application/json", "{\"status\": 503}")));
				return;
			}
			if (this.down || this.failuresToGo.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				send(exchange, answered(index, call.answered(503, "application/json", "{\"status\": 503}")));
				return;
			}
			Call given = this.nextAnswer;
			if (given != null) {
				this.nextAnswer = null;
				send(exchange, answered(index, call.answered(given.status(), given.contentType(), given.answer())));
				return;
			}
			if (this.bodiesToHoldBack.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				CountDownLatch held = this.heldBodies;
				sendHeadersOnly(exchange, answered(index, route(call)));
				held.await();
				return;
			}
			send(exchange, answered(index, route(call)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private synchronized int arrived(Call call) {
		this.calls.add(call);
		return this.calls.size() - 1;
	}

	private Call answered(int index, Call call) {
		this.calls.set(index, call);
		return call;
	}

	private Call route(Call call) {
		if (!call.method().equals("GET")) {
			return problem(call, 501, "not-played", "Not played by the fake",
					"The fake catalog service only fails writes; the system tests write to the real one.");
		}
		if (call.path().equals(PRODUCTS)) {
			return call.answered(200, "application/json", json.writeValueAsString(activeProducts(call)));
		}
		UUID id = idIn(call.path());
		FakeProduct product = (id != null) ? this.products.get(id) : null;
		if (product == null) {
			return problem(call, 404, "product-not-found", "Product not found", "No such product.");
		}
		return call.answered(200, "application/json", json.writeValueAsString(product.asJson()));
	}

	private List<Map<String, Object>> activeProducts(Call call) {
		List<String> skus = skusAsked(call.query());
		return this.products.values()
			.stream()
			.filter((product) -> skus == null || skus.contains(product.sku()))
			.sorted(Comparator.comparing(FakeProduct::sku))
			.map(FakeProduct::asJson)
			.toList();
	}

	private static Call problem(Call call, int status, String slug, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", PROBLEMS + slug);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", call.path());
		return call.answered(status, "application/problem+json", json.writeValueAsString(problem));
	}

	private static UUID idIn(String path) {
		try {
			return UUID.fromString(path.substring(PRODUCTS.length() + 1));
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	/** The SKUs of {@code ?sku=A&sku=B}, or null when the query names none. */
	private static List<String> skusAsked(String query) {
		if (query == null) {
			return null;
		}
		List<String> skus = new ArrayList<>();
		for (String parameter : query.split("&")) {
			if (parameter.equals("sku")) {
				skus.add("");
			}
			else if (parameter.startsWith("sku=")) {
				skus.add(URLDecoder.decode(parameter.substring(4), StandardCharsets.UTF_8));
			}
		}
		return skus.isEmpty() ? null : skus;
	}

	private Optional<FakeProduct> find(String sku) {
		return this.products.values().stream().filter((product) -> product.sku().equals(sku)).findFirst();
	}

	private static void sendHeadersOnly(HttpExchange exchange, Call answered) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", answered.contentType());
		exchange.sendResponseHeaders(answered.status(), answered.answer().getBytes(StandardCharsets.UTF_8).length);
		exchange.getResponseBody().flush();
	}

	private static void send(HttpExchange exchange, Call answered) throws IOException {
		byte[] body = answered.answer().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answered.contentType());
		exchange.sendResponseHeaders(answered.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void addSeedProducts() {
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a04", "ESP-BEANS-250", "Espresso beans, 250 g", 1450);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a02", "FILTER-BEANS-250", "Filter beans, 250 g", 1650);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a03", "DECAF-BEANS-250", "Decaf beans, 250 g", 1550);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a01", "MUG-CLASSIC", "Classic mug", 1250);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a05", "CUP-ESPRESSO-2", "Espresso cups, pair", 1900);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a06", "POUR-OVER", "Pour-over dripper", 2800);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a07", "FILTER-PAPER-100", "Paper filters, 100", 600);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a08", "KETTLE-GOOSENECK", "Gooseneck kettle", 5900);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a09", "NOTEBOOK-A5", "A5 notebook", 1800);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0a", "PEN-FOUNTAIN", "Fountain pen", 3500);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0b", "INK-BLUE-50", "Blue ink, 50 ml", 1200);
		addSeed("6f1c7a52-0f7e-4a51-9a0e-6c3c2f9d8a0c", "GRINDER-PRO", "Burr grinder", 89900);
	}

	private void addSeed(String id, String sku, String name, long cents) {
		UUID uuid = UUID.fromString(id);
		this.products.put(uuid, new FakeProduct(uuid, sku, name, "", cents));
	}

	/**
	 * One request the fake received and, once answered, its answer.
	 *
	 * @param method the HTTP method
	 * @param path the raw path, such as {@code /api/products}
	 * @param query the raw query, or null
	 * @param authorization the {@code Authorization} header, or null
	 * @param body the request body, possibly empty
	 * @param status the status answered, 0 while unanswered
	 * @param contentType the answer's content type, or null
	 * @param answer the answer's body, or null
	 */
	public record Call(String method, String path, String query, String authorization, String body, int status,
			String contentType, String answer) {

		Call(String method, String path, String query, String authorization, String body) {
			this(method, path, query, authorization, body, 0, null, null);
		}

		Call answered(int status, String contentType, String answer) {
			return new Call(this.method, this.path, this.query, this.authorization, this.body, status, contentType,
					answer);
		}

	}

	/**
	 * A product the fake sells: always active.
	 */
	private record FakeProduct(UUID id, String sku, String name, String description, long cents) {

		Map<String, Object> asJson() {
			Map<String, Object> product = new LinkedHashMap<>();
			product.put("id", this.id.toString());
			product.put("sku", this.sku);
			product.put("name", this.name);
			product.put("description", this.description);
			Map<String, Object> price = new LinkedHashMap<>();
			price.put("amount", this.cents);
			price.put("currency", "USD");
			product.put("price", price);
			product.put("active", true);
			return product;
		}

	}

}
