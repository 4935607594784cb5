package shop;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import workshop.cli.Terminal;
import workshop.cli.Workspace;
import workshop.cli.control.RunningStep;
import workshop.cli.control.RunningStep.Result;
import workshop.cli.run.FileAppLog;
import workshop.cli.run.InfraServer;
import workshop.cli.run.SessionOptions;
import workshop.cli.run.StepSession;
import workshop.contract.Order;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;
import workshop.contract.Stock;
import workshop.infra.InfraMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The step-1 demo, as {@code ./workshop run step-1} runs it: {@code ./workshop kill
 * monolith} in the middle of a burst of orders, then {@code ./workshop start monolith}.
 * Every order reaches a final status (the event publication registry hands the events the
 * crash interrupted to their listeners again), none is placed twice (clients retry with
 * their {@code Idempotency-Key}), and stock is the initial stock minus the confirmed
 * units.
 */
class MonolithCrashSystemTests {

	private static final int BUYERS = 4;

	private static final int ORDERS_PER_BUYER = 15;

	private static final int ON_HAND = 40;

	/** How long a buyer keeps retrying an order while the shop is down. */
	private static final Duration RETRY_FOR = Duration.ofMinutes(3);

	private static RunningStep step;

	private static FileAppLog log;

	@BeforeAll
	static void startStep() {
		Path root = Path.of(System.getProperty("workshop.root", "..")).toAbsolutePath().normalize();
		Path target = Path.of("target").toAbsolutePath();
		Path jar = Path
			.of(System.getProperty("shop.system-tests.jar", "target/step-1-modular-1.0.0-SNAPSHOT-exec.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(
					jar + " is missing: run ./mvnw -pl step-1-modular verify, which builds it" + " before these tests");
		}
		Workspace workspace = new Workspace(root, target.resolve("system-tests/workshop"));
		SessionOptions options = SessionOptions.defaults(InfraMode.EMBEDDED)
			.forTests(Map.of("monolith", jar.toAbsolutePath()))
			.stoppingOnFailure(false)
			.withJvmOptions("-XX:TieredStopAtLevel=1");
		StepSession session = StepSession.of(workspace.manifest().step("step-1"), new PrintWriter(new StringWriter()),
				options, Terminal.plain());
		log = new FileAppLog(target.resolve("system-tests/step-1.log"));
		step = RunningStep.start(workspace, session, log);
	}

	@AfterAll
	static void stopStep() {
		if (step != null) {
			step.close();
		}
		if (log != null) {
			log.close();
		}
	}

	@Test
	void finishesEveryOrderAndKeepsStockWhenTheMonolithIsKilledInTheMiddleOfABurst() throws Exception {
		ShopClient shop = new ShopClient(step.url("monolith"));
		Product product = shop.createProductWithStock("CRASH", 500, ON_HAND);
		AtomicInteger placed = new AtomicInteger();
		CountDownLatch halfway = new CountDownLatch(BUYERS * ORDERS_PER_BUYER / 3);
		ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
		Map<String, String> ordersByKey = new ConcurrentHashMap<>();
		List<Future<?>> burst = new ArrayList<>();
		for (int buyer = 0; buyer < BUYERS; buyer++) {
			burst.add(buyers.submit(() -> {
				for (int i = 0; i < ORDERS_PER_BUYER; i++) {
					String key = UUID.randomUUID().toString();
					ordersByKey.put(key, placeRetrying(shop, product, key));
					placed.incrementAndGet();
					halfway.countDown();
				}
				return null;
			}));
		}

		assertThat(halfway.await(2, TimeUnit.MINUTES)).isTrue();
		Result killed = step.workshop("kill", "monolith");
		int pendingAtTheCrash = pendingOrders();
		Result started = step.workshop("start", "monolith");
		for (Future<?> buyer : burst) {
			buyer.get(RETRY_FOR.toSeconds() + 60, TimeUnit.SECONDS);
		}
		buyers.shutdown();

		assertThat(killed.exitCode()).as(killed.err()).isZero();
		assertThat(started.exitCode()).as(started.err()).isZero();
		assertThat(placed.get()).isEqualTo(BUYERS * ORDERS_PER_BUYER);
		assertThat(pendingAtTheCrash).as("orders the crash left PENDING, for the restarted monolith to finish")
			.isPositive();
		List<Order> orders = ordersByKey.values().stream().map(shop::awaitFinalOrder).toList();
		assertThat(orders).hasSize(BUYERS * ORDERS_PER_BUYER).noneMatch(Order::isPending);
		assertThat(ordersByKey.values()).doesNotHaveDuplicates();
		long confirmed = orders.stream().filter((order) -> order.status().equals("CONFIRMED")).count();
		assertThat(confirmed).isEqualTo(ON_HAND);
		assertThat(shop.stock(product.sku())).isEqualTo(new Stock(product.sku(), ON_HAND - (int) confirmed, 0, 0));
		assertThat(ordersInDatabase(product.sku())).isEqualTo(BUYERS * ORDERS_PER_BUYER);
	}

	/**
	 * Places an order as a careful client does: sends it with its key, and while the shop
	 * does not answer, sends it again with the same key, so a crash never places it
	 * twice. A replay answers 201 with the same {@code Location}.
	 */
	private static String placeRetrying(ShopClient shop, Product product, String key) {
		NewOrder order = NewOrder.of(new NewLine(product.sku(), 1));
		return await("the shop to take order " + key).atMost(RETRY_FOR)
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> tryToPlace(shop, order, key), Objects::nonNull);
	}

	/** Returns the new order's id, or null when the shop did not answer. */
	private static String tryToPlace(ShopClient shop, NewOrder order, String key) {
		ShopResponse answer;
		try {
			answer = shop.call("POST", "/api/orders").header("Idempotency-Key", key).json(order).send();
		}
		catch (UncheckedIOException ex) {
			return null;
		}
		if (answer.status() >= 500) {
			return null;
		}
		return ShopClient.orderIdOf(answer);
	}

	private static int pendingOrders() throws SQLException {
		return count("select count(*) from orders.orders where status = 'PENDING'");
	}

	private static int ordersInDatabase(String sku) throws SQLException {
		return count("select count(distinct order_id) from orders.order_lines where sku = '" + sku + "'");
	}

	private static int count(String sql) throws SQLException {
		InfraServer postgres = step.session()
			.servers()
			.stream()
			.filter((server) -> server.name().equals("postgres"))
			.findFirst()
			.orElseThrow();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + postgres.address() + "/shop",
				"postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
