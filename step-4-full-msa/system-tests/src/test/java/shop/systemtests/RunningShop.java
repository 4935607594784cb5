package shop.systemtests;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

import workshop.cli.Terminal;
import workshop.cli.Workspace;
import workshop.cli.control.RunningStep;
import workshop.cli.control.RunningStep.Result;
import workshop.cli.manifest.Step;
import workshop.cli.run.FileAppLog;
import workshop.cli.run.InfraServer;
import workshop.cli.run.SessionOptions;
import workshop.cli.run.StepSession;
import workshop.contract.ShopClient;
import workshop.infra.InfraMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Step 4 running as it runs for an attendee: {@code ./workshop run step-4}'s own session
 * (embedded PostgreSQL and Kafka, then the registry, the catalog, inventory, payment and
 * order services and the gateway as six JVMs, each bound to loopback and given the URLs
 * of the apps it calls and its database from {@code workshop.yaml}), started from the
 * executable jars in {@code target/apps} on free ports, with its control endpoint, so
 * that tests act on it with the attendee's commands: {@link #workshop}.
 * <p>
 * Started once per test JVM, on first use, and shared by every test class. A JVM shutdown
 * hook stops it, also when tests fail or the run is interrupted; a later run stops what a
 * {@code kill -9} of the test JVM left behind. A start that failed fails every later
 * caller with the same reason, at once.
 */
final class RunningShop {

	/**
	 * A setting that differs from {@code ./workshop run}: the 2 s limit on a call from
	 * the gateway to a backend is meant for a laptop with spare cores. A cold backend's
	 * first answers on a busy test machine take longer (seen under a load of 14-18: the
	 * first admin write cut off at 2 s). A stopped app is refused at once, whatever the
	 * limit.
	 */
	private static final String GATEWAY_TIMEOUT = "--shop.gateway.timeout=10s";

	/**
	 * The other setting that differs: every test sends from one address, and the failover
	 * test's readers alone send about 300 requests a second, past the gateway's 100 per
	 * client. Every request still passes the limiter; the gateway's own tests show its
	 * 429.
	 */
	private static final String GATEWAY_RATE_LIMIT = "--shop.gateway.rate-limit.requests-per-second=100000";

	/**
	 * C1 only: six JVMs share the test machine's cores, and these apps start faster
	 * without the optimizing compiler.
	 */
	private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

	/** A read each service behind the gateway answers, to see that it is routed to. */
	private static final Map<String, String> PROBES = Map.of("catalog-service", "/api/products", "inventory-service",
			"/api/inventory/NO-SUCH-SKU", "order-service", "/api/orders/00000000-0000-0000-0000-000000000000");

	private static RunningShop shop;

	private static RuntimeException startFailure;

	private final RunningStep step;

	private final Path configFolder;

	private RunningShop(RunningStep step, Path configFolder) {
		this.step = step;
		this.configFolder = configFolder;
	}

	/**
	 * The shop of this test JVM, started on the first call.
	 * @return the running shop, every app ready
	 * @throws IllegalStateException naming the app and its log when an app does not start
	 */
	static synchronized RunningShop get() {
		if (startFailure != null) {
			throw startFailure;
		}
		if (shop == null) {
			try {
				shop = start();
			}
			catch (RuntimeException ex) {
				startFailure = ex;
				throw ex;
			}
		}
		return shop;
	}

	/**
	 * The shop's front door.
	 * @return the gateway's base URL
	 */
	URI gatewayUrl() {
		return this.step.url("gateway");
	}

	/**
	 * The base URL of one app, to call it directly.
	 * @param app the app's name
	 * @return its URL on loopback
	 */
	URI url(String app) {
		return this.step.url(app);
	}

	/**
	 * The folder the config server serves: a copy of {@code step-4-full-msa/config} made
	 * at start, so that a test changes a setting there and never in the repository.
	 * @return the folder
	 */
	Path configFolder() {
		return this.configFolder;
	}

	/**
	 * The running step, as the workshop command sees it.
	 * @return the step
	 */
	RunningStep step() {
		return this.step;
	}

	/**
	 * Opens a connection to one of the step's databases, as the server's administrator:
	 * to look at the data behind the apps' backs, or to write there as a batch job would.
	 * @param database {@code catalog}, {@code inventory}, {@code orders} or
	 * {@code payments}
	 * @return a new connection; the caller closes it
	 */
	Connection database(String database) {
		try {
			return DriverManager.getConnection("jdbc:postgresql://" + server("postgres").address() + "/" + database,
					"postgres", "postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database " + database + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * How many members a consumer group has once it is stable, as the broker sees it: a
	 * killed instance stays a member, holding its partitions, until its session times
	 * out; then the group rebalances and the members left take them over.
	 * @param group the consumer group
	 * @return its members, or -1 while it rebalances or the broker does not answer
	 */
	int stableMembers(String group) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server("kafka").address()))) {
			ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(5, TimeUnit.SECONDS);
			return (description.groupState() == GroupState.STABLE) ? description.members().size() : -1;
		}
		catch (ExecutionException | TimeoutException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private InfraServer server(String name) {
		return this.step.session()
			.servers()
			.stream()
			.filter((server) -> server.name().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Runs a workshop command against the shop, as an attendee types it in a second
	 * terminal, and checks that it succeeded.
	 * @param args such as {@code "kill", "catalog-service"}
	 * @return what it printed
	 */
	String workshop(String... args) {
		Result result = this.step.workshop(args);
		assertThat(result.exitCode()).as("./workshop %s: %s", String.join(" ", args), result.err()).isZero();
		if (args.length == 2 && List.of("start", "restart").contains(args[0]) && PROBES.containsKey(args[1])) {
			awaitRoutedTo(args[1]);
		}
		return result.out();
	}

	/**
	 * Waits until the gateway sends requests to a started service again. The command
	 * returns once the service is healthy; the gateway finds it a moment later, when its
	 * copy of the registry and its next health check have seen it (about 2 s). One probe
	 * a second: the failed ones count against the service's circuit breaker, which must
	 * stay closed (it opens at 10 calls, half of them failed).
	 */
	private void awaitRoutedTo(String app) {
		ShopClient gateway = new ShopClient(gatewayUrl());
		await(app + " routed to again").atMost(Duration.ofSeconds(20))
			.pollDelay(Duration.ofMillis(500))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> gateway.get(PROBES.get(app)).header("X-Served-By").orElse("").equals(app));
	}

	private static RunningShop start() {
		Path root = Path.of(System.getProperty("workshop.root", "../.."));
		Path apps = Path.of(System.getProperty("shop.system-tests.apps", "target/apps"));
		Path logs = Path.of(System.getProperty("shop.system-tests.logs", "target/system-tests"));
		Workspace workspace = new Workspace(root.toAbsolutePath().normalize(),
				logs.resolve("workshop").toAbsolutePath());
		Step step = workspace.manifest().step("step-4");
		Path configFolder = copyConfigFolder(root.resolve("step-4-full-msa/config"), logs.resolve("config"));
		SessionOptions options = SessionOptions.defaults(InfraMode.EMBEDDED)
			.forTests(Map.of("registry", jar(apps, "step-4-registry"), "catalog-service",
					jar(apps, "step-4-catalog-service"), "inventory-service", jar(apps, "step-4-inventory-service"),
					"payment-service", jar(apps, "step-4-payment-service"), "order-service",
					jar(apps, "step-4-order-service"), "gateway", jar(apps, "step-4-gateway")))
			.stoppingOnFailure(false)
			.withJvmOptions(QUICK_START)
			.withArguments("gateway", GATEWAY_TIMEOUT, GATEWAY_RATE_LIMIT)
			.withArguments("registry",
					"--spring.cloud.config.server.native.search-locations=file:" + configFolder.toAbsolutePath() + "/");
		StringWriter progress = new StringWriter();
		StepSession session = StepSession.of(step, new PrintWriter(progress, true), options, Terminal.plain());
		FileAppLog log = new FileAppLog(logs.resolve("step-4.log"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			session.close();
			log.close();
		}, "stop-step-4"));
		try {
			return new RunningShop(RunningStep.start(workspace, session, log), configFolder);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(
					"step 4 did not start: " + ex.getMessage() + "; see " + log.file() + " and: " + progress, ex);
		}
	}

	private static Path copyConfigFolder(Path from, Path to) {
		try {
			Files.createDirectories(to);
			try (Stream<Path> files = Files.list(from)) {
				for (Path file : files.toList()) {
					Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return to;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + from + " to " + to, ex);
		}
	}

	private static Path jar(Path apps, String artifactId) {
		Path jar = apps.resolve(artifactId + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests with Maven, which copies the apps' jars"
					+ " there (./mvnw -pl step-4-full-msa/system-tests -am verify)");
		}
		return jar.toAbsolutePath();
	}

}
