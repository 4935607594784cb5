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
import java.util.Map;
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
import workshop.cli.bench.BenchReport.StepResult;
import workshop.cli.manifest.Manifest;
import workshop.cli.manifest.Step;
import workshop.cli.run.FileAppLog;
import workshop.cli.run.InfraModes;
import workshop.cli.run.InfraServer;
import workshop.cli.run.RunningApp;
import workshop.cli.run.SessionOptions;
import workshop.cli.run.StepSession;
import workshop.cli.system.ProcessTree;
import workshop.infra.InfraMode;

/**
 * {@code ./workshop bench <step>...}: starts each step in turn like {@code run} (logs to
 * a file), records each app's start time and memory, warms up, then runs the measures the
 * step lists in {@code workshop.yaml} ({@code bench.measures}, see {@link Measures}), in
 * that order. A step whose gateway has a cutover is first cut over to its new service
 * (catalog weight 100, restored at the end). Writes {@code target/bench/<timestamp>.md}
 * and prints it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Measures start time, memory, latency, throughput and the cost of an order of one or more",
				"steps, side by side, as each step lists in workshop.yaml (bench.measures, with its targets).",
				"Writes target/bench/<timestamp>.md; app logs go to target/bench/<timestamp>-<step>.log." })
public final class BenchCommand implements Callable<Integer> {

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
			measuresOf(step);
		}
		InfraMode mode = InfraModes.fromOption(this.infra);
		PrintWriter out = this.spec.commandLine().getOut();
		String timestamp = LocalDateTime.now().format(TIMESTAMP);
		Path reports = workspace.root().resolve("target").resolve("bench");

		String loadAtStart = LoadAverage.now();
		List<StepResult> results = new ArrayList<>();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (Step step : steps) {
			Path logFile = reports.resolve(timestamp + "-" + step.id() + ".log");
			out.println("== " + step.id() + ": starting (app logs in " + workspace.root().relativize(logFile) + ")");
			out.flush();
			try (FileAppLog log = new FileAppLog(logFile)) {
				results.add(measure(workspace, step, mode, log, client, out));
			}
		}

		StringBuilder context = new StringBuilder().append(String.format(Locale.ROOT,
				"%s, %d cores, JDK %s, infra %s; load average (1 min) %s at the start, %s at the end; warm-up %d s, "
						+ "%d s per run; JDK HttpClient, keep-alive.",
				timestamp, Runtime.getRuntime().availableProcessors(), Runtime.version(),
				mode.name().toLowerCase(Locale.ROOT), loadAtStart, LoadAverage.now(), this.warmupSeconds,
				this.durationSeconds));
		for (Step step : steps) {
			step.bench()
				.arguments()
				.forEach((app, arguments) -> context.append(String.format(Locale.ROOT, " %s ran %s with %s.", step.id(),
						app, String.join(" ", arguments))));
		}
		String report = new BenchReport(results, context.toString()).markdown();
		Files.createDirectories(reports);
		Path markdown = reports.resolve(timestamp + ".md");
		Files.writeString(markdown, report);
		out.println();
		out.print(report);
		out.println();
		out.println("Wrote " + workspace.root().relativize(markdown));
		out.flush();
		return 0;
	}

	/**
	 * The measures to run on a step: those it lists, or only the gateway's with
	 * --gateway-only.
	 */
	private List<Measure> measuresOf(Step step) {
		List<Measure> measures = Measures.of(step);
		return this.gatewayOnly ? measures.stream().filter((measure) -> measure instanceof ThroughTheGateway).toList()
				: measures;
	}

	private StepResult measure(Workspace workspace, Step step, InfraMode mode, FileAppLog log, HttpClient client,
			PrintWriter out) throws InterruptedException {
		SessionOptions options = SessionOptions.defaults(mode).healthTimeout(Duration.ofSeconds(this.timeoutSeconds));
		for (Map.Entry<String, List<String>> app : step.bench().arguments().entrySet()) {
			out.println("   " + app.getKey() + " runs with " + String.join(" ", app.getValue())
					+ " (workshop.yaml, bench)");
			options = options.withArguments(app.getKey(), app.getValue().toArray(String[]::new));
		}
		StepSession session = StepSession.of(step, out, options, Terminal.plain());
		Thread stopOnExit = new Thread(session::close, "workshop-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		try {
			session.start(workspace, log);
			List<Long> rssHealthy = session.apps()
				.stream()
				.map((app) -> ProcessTree.residentBytes(app.process()))
				.toList();
			List<Long> serversHealthy = session.servers().stream().map(BenchCommand::serverBytes).toList();
			BenchContext bench = new BenchContext(step, client, session, session.apps(), session.servers(),
					new BenchContext.Settings(this.connections, Duration.ofSeconds(this.durationSeconds), this.rate,
							ORDER_TIMEOUT),
					out);
			List<Table> tables = measureRunning(bench);
			List<AppStartup> startups = new ArrayList<>();
			List<RunningApp> apps = session.apps();
			for (int i = 0; i < apps.size(); i++) {
				RunningApp app = apps.get(i);
				startups.add(new AppStartup(app.app().name(), app.startupTime().toMillis() / 1000.0, rssHealthy.get(i),
						ProcessTree.residentBytes(app.process())));
			}
			List<ServerMemory> servers = new ArrayList<>();
			List<InfraServer> running = session.servers();
			for (int i = 0; i < running.size(); i++) {
				servers
					.add(new ServerMemory(running.get(i).name(), serversHealthy.get(i), serverBytes(running.get(i))));
			}
			return new StepResult(step, startups, servers, tables);
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

	/** A server's memory, -1 when it does not run here as a process. */
	private static long serverBytes(InfraServer server) {
		return (server.pid() > 0) ? ProcessHandle.of(server.pid()).map(ProcessTree::proportionalBytes).orElse(-1L) : -1;
	}

	/**
	 * Runs a step's measures. A step whose gateway has a cutover is cut over to its new
	 * service first, and back to the configured weight afterwards; a gateway without one
	 * is measured as it routes.
	 */
	private List<Table> measureRunning(BenchContext bench) throws InterruptedException {
		Optional<CutoverControl> cutover = CutoverControl.of(bench.client(), bench.step());
		if (cutover.isEmpty() && GatewayOverhead.gatewayOf(bench.step()).isPresent()) {
			bench.progress("%s", CutoverControl.routingWhileMeasuring(bench.step()));
		}
		int configuredWeight = cutover.map(CutoverControl::weight).orElse(0);
		cutover.ifPresent((control) -> control.setWeight(100));
		try {
			warmUp(bench);
			List<Table> tables = new ArrayList<>();
			for (Measure measure : measuresOf(bench.step())) {
				tables.add(measure.measure(bench));
			}
			return tables;
		}
		finally {
			cutover.ifPresent((control) -> restoreWeight(control, configuredWeight, bench.out()));
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

	private void warmUp(BenchContext bench) throws InterruptedException {
		LoadGenerator generator = new LoadGenerator(bench.client());
		Duration half = Duration.ofMillis(this.warmupSeconds * 500L);
		bench.shop().topUpStock();
		bench.progress("warming up for %d s", this.warmupSeconds);
		generator.run(bench.shop().listProducts(), 200, bench.settings().busiest(), half);
		// Warms the order path up with whole placements: where the flow is asynchronous,
		// bare POSTs would leave a queue of orders still being decided behind them.
		generator.run(new OrderToFinalStatus(bench.shop().placeOrder(), ORDER_TIMEOUT), bench.settings().busiest(),
				half);
	}

}
