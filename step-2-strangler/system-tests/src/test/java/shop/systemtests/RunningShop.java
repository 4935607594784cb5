package shop.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import workshop.infra.PostgresServer;
import workshop.infra.SharedInfrastructure;

/**
 * Step 2 running as it runs for an attendee: the embedded PostgreSQL of the workshop, and
 * catalog-service, monolith and gateway as three JVMs started in parallel from the
 * executable jars in {@code target/apps}, each given its port, its database and the URLs
 * of the apps it calls, as {@code ./workshop run} gives them.
 * <p>
 * Started once per test JVM, on first use, and shared by every test class. A JVM shutdown
 * hook stops the apps, also when tests fail or the run is interrupted (not after a
 * {@code kill -9} of the test JVM), then releases PostgreSQL. A start that failed fails
 * every later caller with the same reason, at once.
 */
final class RunningShop {

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	/**
	 * The settings that differ from {@code ./workshop run}: the 2 s limits on a call from
	 * the gateway to a backend and from the monolith to the catalog service are meant for
	 * a laptop with spare cores. A cold backend's first answers on a busy test machine
	 * take longer (seen under a load of 14-18: the first admin write cut off at 2 s, and
	 * again after the outage test restarted the catalog service). A stopped app is
	 * refused at once, whatever the limit.
	 */
	private static final String GATEWAY_TIMEOUT = "--shop.gateway.timeout=10s";

	/** See {@link #GATEWAY_TIMEOUT}. */
	private static final String CATALOG_CLIENT_TIMEOUT = "--shop.catalog.timeout=PT10S";

	private static RunningShop shop;

	private static RuntimeException startFailure;

	private final AppProcess catalogService;

	private final AppProcess monolith;

	private final AppProcess gateway;

	private final SharedInfrastructure.Lease lease;

	private RunningShop(AppProcess catalogService, AppProcess monolith, AppProcess gateway,
			SharedInfrastructure.Lease lease) {
		this.catalogService = catalogService;
		this.monolith = monolith;
		this.gateway = gateway;
		this.lease = lease;
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
		return this.gateway.url();
	}

	/**
	 * The gateway's cutover policy for the catalog.
	 * @return a client of {@code /actuator/cutover}
	 */
	GatewayCutover cutover() {
		return new GatewayCutover(this.gateway.url());
	}

	/**
	 * Stops the catalog service's process, as a crash or a deployment would.
	 */
	void stopCatalogService() {
		this.catalogService.stop();
	}

	/**
	 * Starts the catalog service again, on the port the others know, and waits until it
	 * is ready.
	 */
	void startCatalogService() {
		this.catalogService.start();
		this.catalogService.awaitReady(READY_WITHIN);
	}

	private static RunningShop start() {
		Path apps = Path.of(System.getProperty("shop.system-tests.apps", "target/apps"));
		Path logs = Path.of(System.getProperty("shop.system-tests.logs", "target/system-tests"));
		SharedInfrastructure.Lease lease = SharedInfrastructure.lease();
		PostgresServer postgres = SharedInfrastructure.postgres();
		postgres.createDatabase("shop");
		List<String> database = List.of("--spring.datasource.url=" + postgres.jdbcUrl("shop"),
				"--spring.datasource.username=" + postgres.username(),
				"--spring.datasource.password=" + postgres.password());
		// PostgreSQL already runs: the apps must not start their own.
		String externalInfra = "--workshop.infra=external";

		List<Integer> ports = FreePorts.pick(3);
		AppProcess catalogService = new AppProcess("catalog-service", jar(apps, "step-2-catalog-service"), ports.get(0),
				concat(database, externalInfra), freshLog(logs, "catalog-service"));
		AppProcess monolith = new AppProcess("monolith", jar(apps, "step-2-monolith"), ports.get(1),
				concat(database, externalInfra, "--shop.catalog.url=" + catalogService.url(), CATALOG_CLIENT_TIMEOUT),
				freshLog(logs, "monolith"));
		AppProcess gateway = new AppProcess("gateway", jar(apps, "step-2-gateway"), ports.get(2),
				List.of(externalInfra, "--shop.gateway.monolith-url=" + monolith.url(),
						"--shop.gateway.catalog-url=" + catalogService.url(), GATEWAY_TIMEOUT),
				freshLog(logs, "gateway"));

		RunningShop running = new RunningShop(catalogService, monolith, gateway, lease);
		Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "stop-step-2-apps"));
		List<AppProcess> all = List.of(catalogService, monolith, gateway);
		all.forEach(AppProcess::start);
		all.forEach((app) -> app.awaitReady(READY_WITHIN));
		return running;
	}

	/** Stops the three apps in parallel, then lets PostgreSQL go. */
	private void stop() {
		List<Thread> stoppers = List.of(this.gateway, this.monolith, this.catalogService)
			.stream()
			.map((app) -> new Thread(app::stop, "stop-" + app.name()))
			.toList();
		stoppers.forEach(Thread::start);
		for (Thread stopper : stoppers) {
			try {
				stopper.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.lease.close();
	}

	private static Path jar(Path apps, String artifactId) {
		Path jar = apps.resolve(artifactId + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: run the tests with Maven, which copies the apps' jars"
					+ " there (./mvnw -pl step-2-strangler/system-tests -am verify)");
		}
		return jar;
	}

	private static Path freshLog(Path logs, String app) {
		Path log = logs.resolve(app + ".log");
		try {
			Files.deleteIfExists(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot clear the old log " + log, ex);
		}
		return log;
	}

	private static List<String> concat(List<String> first, String... more) {
		return Stream.concat(first.stream(), Arrays.stream(more)).toList();
	}

}
