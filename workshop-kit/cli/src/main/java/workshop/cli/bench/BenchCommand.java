package workshop.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.bench.StepMeasurements.AppStartup;
import workshop.cli.bench.StepMeasurements.LoadRow;
import workshop.cli.manifest.Manifest;
import workshop.cli.manifest.Step;
import workshop.cli.run.FileAppLog;
import workshop.cli.run.InfraModes;
import workshop.cli.run.RunningApp;
import workshop.cli.run.SessionOptions;
import workshop.cli.run.StepSession;
import workshop.cli.system.ProcessTree;
import workshop.infra.InfraMode;

/**
 * {@code ./workshop bench <step>...}: starts each step in turn like {@code run} (logs to
 * a file), records each app's start time and memory, warms up, then measures
 * {@code GET /api/products}, {@code POST /api/orders} and the time from placing an order
 * to its final status ({@link OrderToFinalStatus}) at each concurrency, and the orders
 * the shop completes per second ({@link OrderCapacity}). A step with a gateway is first
 * cut over to its new service (catalog weight 100, restored at the end) and also gets the
 * direct-vs-gateway comparison ({@link GatewayOverhead}). Writes
 * {@code target/bench/<timestamp>.md} and {@code .json} and prints the Markdown report.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Measures start time, memory, latency and throughput of one or more steps, side by side,",
				"the orders each completes per second, and for a step with a gateway, direct against through it.",
				"Writes target/bench/<timestamp>.md and .json; app logs go to target/bench/<timestamp>-<step>.log." })
public final class BenchCommand implements Callable<Integer> {

	/** The row for placing an order and reading it until its status is final. */
	static final String ORDER_TO_FINAL_STATUS = "POST /api/orders to final status";

	/** How long an order may take to become final before it counts as an error. */
	private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(10);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(arity = "1..*", paramLabel = "<step>", description = "The steps to measure, such as step-0 step-2.")
	private List<String> stepIds;

	@Option(names = "--duration", paramLabel = "<seconds>", defaultValue = "10",
			description = "How long each measured run lasts (default: ${DEFAULT-VALUE}).")
	private int durationSeconds;

	@Option(names = "--warmup", paramLabel = "<seconds>", defaultValue = "10",
			description = "How long to warm up each step before measuring (default: ${DEFAULT-VALUE}).")
	private int warmupSeconds;

	@Option(names = "--connections", paramLabel = "<n>", split = ",", defaultValue = "1,16",
			description = "Concurrency levels, comma separated (default: ${DEFAULT-VALUE}).")
	private List<Integer> connections;

	@Option(names = "--rate", paramLabel = "<req/s>", defaultValue = "200",
			description = {
					"Most requests per second of the direct-vs-gateway latency runs (default: ${DEFAULT-VALUE});",
					"each runs at half of what the step sustains for its request when that is less." })
	private int rate;

	@Option(names = "--gateway-only",
			description = "Measure only direct against through the gateway (steps with an app named gateway).")
	private boolean gatewayOnly;

	@Option(names = "--infra", paramLabel = "<mode>", description = "embedded, docker or external (as for run).")
	private String infra;

	@Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "180",
			description = "How long each app may take to become healthy (default: ${DEFAULT-VALUE}).")
	private int timeoutSeconds;

	@Override
	public Integer call() throws InterruptedException, IOException {
		if (this.durationSeconds < 1 || this.warmupSeconds < 0 || this.connections.stream().anyMatch((n) -> n < 1)) {
			throw new WorkshopException("--duration must be at least 1, --warmup at least 0 and every --connections "
					+ "value at least 1, for example --duration 10 --connections 1,16.");
		}
		if (this.rate < 1 || this.rate > 100_000) {
			throw new WorkshopException(
					"--rate must be between 1 and 100000 requests per second, for example --rate 200.");
		}
		Workspace workspace = this.parent.workspace();
		Manifest manifest = workspace.manifest();
		List<Step> steps = this.stepIds.stream().map(manifest::step).toList();
		for (Step step : steps) {
			if (this.gatewayOnly && GatewayOverhead.gatewayOf(step).isEmpty()) {
				throw new WorkshopException(step.id() + " has no gateway (no app named '" + GatewayOverhead.GATEWAY
						+ "' in workshop.yaml), so --gateway-only has nothing to compare: name a step with one, "
						+ "such as step-2, or drop --gateway-only.");
			}
		}
		InfraMode mode = InfraModes.fromOption(this.infra);
		PrintWriter out = this.spec.commandLine().getOut();
		String timestamp = LocalDateTime.now().format(TIMESTAMP);
		Path reports = workspace.root().resolve("target").resolve("bench");

		String loadAtStart = LoadAverage.now();
		List<StepMeasurements> measurements = new ArrayList<>();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (Step step : steps) {
			Path logFile = reports.resolve(timestamp + "-" + step.id() + ".log");
			out.println("== " + step.id() + ": starting (app logs in " + workspace.root().relativize(logFile) + ")");
			out.flush();
			try (FileAppLog log = new FileAppLog(logFile)) {
				measurements.add(measure(workspace, step, mode, log, client, out));
			}
		}

		String context = String.format(Locale.ROOT,
				"%s, %d cores, JDK %s, infra %s; load average (1 min) %s at the start, %s at the end; warm-up %d s, "
						+ "%d s per run; JDK HttpClient, keep-alive.",
				timestamp, Runtime.getRuntime().availableProcessors(), Runtime.version(),
				mode.name().toLowerCase(Locale.ROOT), loadAtStart, LoadAverage.now(), this.warmupSeconds,
				this.durationSeconds);
		BenchReport report = new BenchReport(measurements, context);
		Files.createDirectories(reports);
		Path markdown = reports.resolve(timestamp + ".md");
		Files.writeString(markdown, report.markdown());
		Files.writeString(reports.resolve(timestamp + ".json"), report.json());
		out.println();
		out.print(report.markdown());
		out.println();
		out.println("Wrote " + workspace.root().relativize(markdown) + " and " + timestamp + ".json");
		out.flush();
		return 0;
	}

	private StepMeasurements measure(Workspace workspace, Step step, InfraMode mode, FileAppLog log, HttpClient client,
			PrintWriter out) throws InterruptedException {
		StepSession session = StepSession.of(step, out,
				SessionOptions.defaults(mode).healthTimeout(Duration.ofSeconds(this.timeoutSeconds)), Terminal.plain());
		Thread stopOnExit = new Thread(session::close, "workshop-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			session.start(workspace, log);
			List<Long> rssHealthy = session.apps()
				.stream()
				.map((app) -> ProcessTree.residentBytes(app.process()))
				.toList();

			StepMeasurements measured = measureLoad(step, client, out);

			List<AppStartup> startups = new ArrayList<>();
			List<RunningApp> apps = session.apps();
			for (int i = 0; i < apps.size(); i++) {
				RunningApp app = apps.get(i);
				startups.add(new AppStartup(app.app().name(), app.startupTime().toMillis() / 1000.0, rssHealthy.get(i),
						ProcessTree.residentBytes(app.process())));
			}
			return new StepMeasurements(step.id(), startups, measured.loads(), measured.batches(), measured.gateway());
		}
		finally {
			out.println("   stopping " + step.id());
			out.flush();
			session.close();
			try {
				Runtime.getRuntime().removeShutdownHook(stopOnExit);
			}
			catch (IllegalStateException ex) {
				// Already shutting down: the hook has stopped the step.
			}
		}
	}

	/**
	 * Measures a running step (without its start and memory). A step with a gateway is
	 * cut over to its new service first, and back to the configured weight afterwards.
	 */
	private StepMeasurements measureLoad(Step step, HttpClient client, PrintWriter out) throws InterruptedException {
		Optional<CutoverControl> cutover = GatewayOverhead.gatewayOf(step)
			.map((gateway) -> new CutoverControl(client, gateway, GatewayOverhead.CATALOG_ROUTE));
		int configuredWeight = cutover.map(CutoverControl::weight).orElse(0);
		cutover.ifPresent((control) -> control.setWeight(100));
		try {
			ShopRequests shop = new ShopRequests(client, step.frontDoor());
			warmUp(shop, client, out);
			List<LoadRow> loads = new ArrayList<>();
			List<BatchResult> batches = new ArrayList<>();
			LoadGenerator generator = new LoadGenerator(client);
			if (!this.gatewayOnly) {
				loads.addAll(load(generator, "GET /api/products", shop.listProducts(), 200, null, out));
				loads.addAll(load(generator, ORDER_TO_FINAL_STATUS,
						new OrderToFinalStatus(shop.placeOrder(), ORDER_TIMEOUT), shop, out));
				batches.addAll(batches(shop, client, out));
			}
			GatewayComparison gateway = null;
			if (cutover.isPresent()) {
				BatchResult busiestBatch = batches.stream()
					.max(Comparator.comparingInt(BatchResult::connections))
					.orElse(null);
				gateway = new GatewayOverhead(client, step, this.rate, busiest(),
						Duration.ofSeconds(this.durationSeconds), out)
					.measure(shop, busiestBatch);
			}
			if (!this.gatewayOnly) {
				// Last: bare POSTs may outrun an asynchronous flow, and nothing measured
				// after them should wait behind the orders they leave pending.
				loads.addAll(load(generator, "POST /api/orders", shop.placeOrder(), 201, shop, out));
			}
			return new StepMeasurements(step.id(), List.of(), loads, batches, gateway);
		}
		finally {
			cutover.ifPresent((control) -> restoreWeight(control, configuredWeight, out));
		}
	}

	/**
	 * Sets the weight back as configured. A failure is only reported: the step stops next
	 * and its gateway forgets the weight anyway, and an error measuring must not be
	 * hidden behind this one.
	 */
	private static void restoreWeight(CutoverControl cutover, int weight, PrintWriter out) {
		try {
			cutover.setWeight(weight);
		}
		catch (WorkshopException ex) {
			out.println("   could not set the cutover weight back to " + weight + ": " + ex.getMessage());
			out.flush();
		}
	}

	private void warmUp(ShopRequests shop, HttpClient client, PrintWriter out) throws InterruptedException {
		LoadGenerator generator = new LoadGenerator(client);
		Duration half = Duration.ofMillis(this.warmupSeconds * 500L);
		shop.topUpStock();
		out.println("   warming up for " + this.warmupSeconds + " s");
		out.flush();
		generator.run(shop.listProducts(), 200, busiest(), half);
		// Warms the order path up with whole placements: where the flow is asynchronous,
		// bare POSTs would leave a queue of orders still being decided behind them.
		generator.run(new OrderToFinalStatus(shop.placeOrder(), ORDER_TIMEOUT), busiest(), half);
	}

	private List<BatchResult> batches(ShopRequests shop, HttpClient client, PrintWriter out)
			throws InterruptedException {
		Duration duration = Duration.ofSeconds(this.durationSeconds);
		OrderCapacity capacity = new OrderCapacity(
				new OrderBatch(client, shop.placeOrder(), ORDER_TIMEOUT.plus(duration.multipliedBy(2))));
		List<BatchResult> results = new ArrayList<>();
		for (int connections : this.connections) {
			shop.topUpStock();
			BatchResult batch = capacity.measure(connections, duration);
			out.printf(Locale.ROOT,
					"   %-18s x%-3d %8.0f orders/s completed (N = %d in %.1f s)  POST p50 %6.2f ms  "
							+ "p99 %7.2f ms  errors %d%n",
					"order batch", connections, batch.completedPerSecond(), batch.orders(), batch.spanSeconds(),
					batch.postMillis(50), batch.postMillis(99), batch.errors());
			out.flush();
			results.add(batch);
		}
		return results;
	}

	private int busiest() {
		return this.connections.stream().mapToInt(Integer::intValue).max().orElse(1);
	}

	private List<LoadRow> load(LoadGenerator generator, String name, HttpRequest request, int expectedStatus,
			ShopRequests stockToTopUp, PrintWriter out) throws InterruptedException {
		return load(generator, name,
				(client) -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus,
				stockToTopUp, out);
	}

	private List<LoadRow> load(LoadGenerator generator, String name, LoadGenerator.Exchange exchange,
			ShopRequests stockToTopUp, PrintWriter out) throws InterruptedException {
		List<LoadRow> rows = new ArrayList<>();
		for (int connections : this.connections) {
			if (stockToTopUp != null) {
				stockToTopUp.topUpStock();
			}
			LoadResult result = generator.run(exchange, connections, Duration.ofSeconds(this.durationSeconds));
			out.printf(Locale.ROOT, "   %-18s x%-3d %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d%n", name,
					connections, result.throughput(), result.millis(50), result.millis(99), result.errors());
			out.flush();
			rows.add(new LoadRow(name, connections, result));
		}
		return rows;
	}

}
