package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import workshop.contract.Order.NewOrder;
import workshop.contract.Product.NewProduct;

/**
 * The shop under test, seen from outside through its HTTP API only. Besides raw
 * {@link #call calls}, it offers the few steps every test needs to set up its own data;
 * those steps fail the test with the shop's answer when the shop refuses them.
 */
public final class ShopClient {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** One client for the whole test JVM: its connections are reused by every test. */
	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/** The contract's bound on how long an order may stay {@code PENDING}. */
	private static final Duration FINAL_STATUS_WITHIN = Duration.ofSeconds(10);

	private final URI baseUrl;

	/**
	 * A client of the shop at the given address.
	 * @param baseUrl the shop's front door, such as {@code http://localhost:8080}
	 */
	public ShopClient(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The shop's front door.
	 * @return the base URL every path is resolved against
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * Starts a request.
	 * @param method the HTTP method
	 * @param path the path, starting with {@code /}
	 * @return the call to complete and send
	 */
	public ShopCall call(String method, String path) {
		return new ShopCall(HTTP, this.baseUrl, method, path);
	}

	/**
	 * Starts a request written byte for byte on a socket, for a request target or header
	 * that the JDK client would refuse or rewrite.
	 * @param method the HTTP method
	 * @param target the request target exactly as it goes out, such as
	 * {@code /api/inventory/a%zz}
	 * @return the call to complete and send
	 */
	public RawCall raw(String method, String target) {
		return new RawCall(this.baseUrl, method, target);
	}

	/**
	 * Sends a {@code GET}.
	 * @param path the path, starting with {@code /}
	 * @return the answer
	 */
	public ShopResponse get(String path) {
		return call("GET", path).send();
	}

	/**
	 * Creates an active product with a fresh SKU, as the admin.
	 * @param skuPrefix the start of the SKU, naming what the test uses it for
	 * @param priceInCents the price in US cents
	 * @return the product as the shop answered it
	 */
	public Product createProduct(String skuPrefix, long priceInCents) {
		NewProduct product = new NewProduct(Skus.fresh(skuPrefix), "Contract " + skuPrefix.toLowerCase(),
				"Made by the contract suite.", Money.usd(priceInCents), true);
		return createProduct(product);
	}

	/**
	 * Creates a product as the admin.
	 * @param product the product to create
	 * @return the product as the shop answered it
	 */
	public Product createProduct(NewProduct product) {
		ShopResponse response = call("POST", "/api/products").asAdmin().json(product).send();
		assertThat(response.status()).as("creating a product: %s", response).isEqualTo(201);
		return response.as(Product.class);
	}

	/**
	 * Creates an active product with a fresh SKU and puts units of it on hand.
	 * @param skuPrefix the start of the SKU, naming what the test uses it for
	 * @param priceInCents the price in US cents
	 * @param onHand the units on hand
	 * @return the product as the shop answered it
	 */
	public Product createProductWithStock(String skuPrefix, long priceInCents, int onHand) {
		Product product = createProduct(skuPrefix, priceInCents);
		setStock(product.sku(), onHand);
		return product;
	}

	/**
	 * Sets the units on hand of a SKU, as the admin.
	 * @param sku the SKU
	 * @param onHand the units on hand
	 * @return the stock as the shop answered it
	 */
	public Stock setStock(String sku, int onHand) {
		ShopResponse response = call("PUT", "/api/inventory/" + sku).asAdmin().json(new OnHand(onHand)).send();
		assertThat(response.status()).as("setting stock: %s", response).isEqualTo(200);
		return response.as(Stock.class);
	}

	/**
	 * Reads the stock of a SKU.
	 * @param sku the SKU
	 * @return the stock
	 */
	public Stock stock(String sku) {
		ShopResponse response = get("/api/inventory/" + sku);
		assertThat(response.status()).as("reading stock: %s", response).isEqualTo(200);
		return response.as(Stock.class);
	}

	/**
	 * Reads a product.
	 * @param id the product id
	 * @return the product
	 */
	public Product product(String id) {
		ShopResponse response = get("/api/products/" + id);
		assertThat(response.status()).as("reading a product: %s", response).isEqualTo(200);
		return response.as(Product.class);
	}

	/**
	 * Reads the public product list.
	 * @return the active products, as ordered by the shop
	 */
	public List<Product> products() {
		ShopResponse response = get("/api/products");
		assertThat(response.status()).as("listing products: %s", response).isEqualTo(200);
		return JSON.readValue(response.body(), new TypeReference<List<Product>>() {
		});
	}

	/**
	 * Places an order and checks that the shop took it ({@code 201} and a
	 * {@code Location}).
	 * @param order the order to place
	 * @return the id of the new order, read from its {@code Location}
	 */
	public String placeOrder(NewOrder order) {
		return orderIdOf(call("POST", "/api/orders").json(order).send());
	}

	/**
	 * The id of the order a {@code POST /api/orders} created, checking that it was
	 * created.
	 * @param response the answer to {@code POST /api/orders}
	 * @return the id named by {@code Location}
	 */
	public static String orderIdOf(ShopResponse response) {
		assertThat(response.status()).as("placing an order: %s", response).isEqualTo(201);
		assertThat(response.locationPath()).as("Location of %s", response).matches("/api/orders/[0-9a-fA-F-]{36}");
		return response.locationPath().substring("/api/orders/".length());
	}

	/**
	 * Reads an order as it is now.
	 * @param id the order id
	 * @return the order
	 */
	public Order order(String id) {
		ShopResponse response = get("/api/orders/" + id);
		assertThat(response.status()).as("reading an order: %s", response).isEqualTo(200);
		return response.as(Order.class);
	}

	/**
	 * Waits, polling, until an order is no longer {@code PENDING}: immediately in a
	 * synchronous shop, within the contract's 10 seconds in an asynchronous one.
	 * @param id the order id
	 * @return the order in its final status
	 */
	public Order awaitFinalOrder(String id) {
		return await("order " + id + " to leave PENDING").atMost(FINAL_STATUS_WITHIN)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> order(id), (order) -> !order.isPending());
	}

	/** The body of {@code PUT /api/inventory/{sku}}. */
	private record OnHand(int onHand) {

	}

}
