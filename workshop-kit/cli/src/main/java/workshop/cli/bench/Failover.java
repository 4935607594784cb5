package workshop.cli.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import workshop.cli.WorkshopException;
import workshop.cli.control.PrometheusText;
import workshop.cli.run.RunningApp;
import workshop.cli.run.StepSession;

import static workshop.cli.bench.ClosedLoop.format;

/**
 * Reads through the front door while one of two instances of the app that answers them is
 * killed: {@code ./workshop scale <app> 2}, reads of the stock closed loop at the busiest
 * {@code --connections}, {@code ./workshop kill <app>-2} a third into {@code --duration}
 * (at least 6 s), reads on to its end, then {@code scale <app> 1}. The row counts the
 * reads that did not answer 200 (the goal is none) and when the last of them came after
 * the kill.
 */
final class Failover implements Measure {

	private static final String TITLE = "Failover (one of two instances killed under reads)";

	private static final String EXPLANATION = "Reads of the stock through the front door, closed loop, while the"
			+ " second instance of the app that answers them is killed with SIGKILL a third into the run. A read the"
			+ " gateway cannot deliver to the killed instance should be tried on the other: failed reads are those"
			+ " answered other than 200, or not at all.";

	/** The load balancer's successful calls, by instance, in the gateway's metrics. */
	private static final String SUCCEEDED_CALLS = "loadbalancer_requests_success_seconds_count";

	private static final Duration SHORTEST_RUN = Duration.ofSeconds(6);

	private static final Duration ROUTED_WITHIN = Duration.ofSeconds(20);

	@Override
	public String name() {
		return "failover";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		HttpRequest read = bench.shop().readStock();
		HttpResponse<String> first = bench.shop().sendSetUp(read);
		String app = first.headers()
			.firstValue("X-Served-By")
			.orElseThrow(() -> new WorkshopException("GET " + read.uri() + " named no app in X-Served-By"));
		StepSession session = bench.session();
		session.scale(app, 2); // the session prints what it did, as the control commands
								// do
		try {
			RunningApp second = session.apps()
				.stream()
				.filter((running) -> running.app().name().equals(app + "-2"))
				.findFirst()
				.orElseThrow();
			awaitRouted(bench, read, second.app().port());
			return table(app, run(bench, read, session, second));
		}
		finally {
			session.scale(app, 1);
		}
	}

	private static Result run(BenchContext bench, HttpRequest read, StepSession session, RunningApp second)
			throws InterruptedException {
		Duration duration = (bench.settings().duration().compareTo(SHORTEST_RUN) < 0) ? SHORTEST_RUN
				: bench.settings().duration();
		int connections = bench.settings().busiest();
		AtomicLong lastFailure = new AtomicLong();
		LoadGenerator.Exchange exchange = (client) -> {
			boolean answered = client.send(read, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			if (!answered) {
				lastFailure.set(System.nanoTime());
			}
			return answered;
		};
		LoadResult[] result = new LoadResult[1];
		Thread load = new Thread(() -> {
			try {
				result[0] = new LoadGenerator(bench.client()).run(exchange, connections, duration);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "failover-load");
		load.start();
		Thread.sleep(duration.dividedBy(3).toMillis());
		long killed = System.nanoTime();
		session.control("kill", second.app().name());
		load.join();
		long last = lastFailure.get();
		Duration lastAfterKill = (last > killed) ? Duration.ofNanos(last - killed) : null;
		bench.progress("failover x%-3d %8.0f reads/s  failed %d  p99 %7.2f ms", connections, result[0].throughput(),
				result[0].errors(), result[0].millis(99));
		return new Result(connections, result[0], lastAfterKill);
	}

	/**
	 * Reads until the gateway's load balancer shows a call to the new instance: it finds
	 * it in the registry's next copy and its next health check.
	 */
	private static void awaitRouted(BenchContext bench, HttpRequest read, int port) throws InterruptedException {
		URI metrics = URI.create(bench.step().frontDoor()).resolve("/actuator/prometheus");
		long giveUpAt = System.nanoTime() + ROUTED_WITHIN.toNanos();
		while (System.nanoTime() < giveUpAt) {
			bench.shop().send(read);
			String scrape = bench.shop().send(HttpRequest.newBuilder(metrics).build()).body();
			boolean routed = PrometheusText.parse(scrape)
				.stream()
				.anyMatch((sample) -> sample.name().equals(SUCCEEDED_CALLS)
						&& sample.labels().containsValue(String.valueOf(port)) && sample.value() > 0);
			if (routed) {
				return;
			}
			Thread.sleep(200);
		}
		throw new WorkshopException("The front door sent no read to the instance on port " + port + " within "
				+ ROUTED_WITHIN.toSeconds() + " s: the failover measure needs a gateway that balances over the"
				+ " registry's instances and counts its calls (" + SUCCEEDED_CALLS + ").");
	}

	private static Table table(String app, Result result) {
		String last = (result.lastFailureAfterKill() != null)
				? format("%.2f", result.lastFailureAfterKill().toNanos() / 1e9) : "none failed";
		return new Table(TITLE, EXPLANATION, List.of("app", "connections"),
				List.of("reads", "reads/s", "failed reads", "last failed read after the kill (s)", "p99 (ms)",
						"max (ms)"),
				List.of(new Table.Row(List.of(app, Integer.toString(result.connections())),
						List.of(Long.toString(result.load().requests()), format("%.0f", result.load().throughput()),
								Long.toString(result.load().errors()), last, format("%.2f", result.load().millis(99)),
								format("%.1f", result.load().maxMillis())))));
	}

	/**
	 * One run: its concurrency, its load, and when its last failure came after the kill,
	 * or null.
	 */
	private record Result(int connections, LoadResult load, Duration lastFailureAfterKill) {
	}

}
