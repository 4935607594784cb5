package workshop.cli.bench;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.Step;
import workshop.cli.run.InfraServer;
import workshop.cli.run.RunningApp;
import workshop.cli.run.StepSession;

/**
 * What a {@link Measure} gets: the running step, a client and the shop's requests through
 * its front door, the bench's settings, the step's targets from {@code workshop.yaml},
 * and what earlier measures of the same step found that later ones use.
 */
final class BenchContext {

	private final Step step;

	private final HttpClient client;

	private final StepSession session;

	private final ShopRequests shop;

	private final List<RunningApp> apps;

	private final List<InfraServer> servers;

	private final Settings settings;

	private final PrintWriter out;

	private BatchResult busiestBatch;

	BenchContext(Step step, HttpClient client, StepSession session, List<RunningApp> apps, List<InfraServer> servers,
			Settings settings, PrintWriter out) {
		this.step = step;
		this.client = client;
		this.session = session;
		this.shop = new ShopRequests(client, step.frontDoor());
		this.apps = apps;
		this.servers = servers;
		this.settings = settings;
		this.out = out;
	}

	Step step() {
		return this.step;
	}

	HttpClient client() {
		return this.client;
	}

	ShopRequests shop() {
		return this.shop;
	}

	/**
	 * Returns the running step's session, for a measure that acts on its apps as the
	 * control commands do ({@code scale}, {@code kill}).
	 * @return the session
	 */
	StepSession session() {
		return this.session;
	}

	List<RunningApp> apps() {
		return this.apps;
	}

	/**
	 * Returns a server the bench started for the step.
	 * @param name {@code postgres} or {@code kafka}
	 * @return the server, or empty when the step has none here (another infra mode)
	 */
	Optional<InfraServer> server(String name) {
		return this.servers.stream().filter((server) -> server.name().equals(name)).findFirst();
	}

	Settings settings() {
		return this.settings;
	}

	PrintWriter out() {
		return this.out;
	}

	/**
	 * Returns one of the step's targets.
	 * @param name its name in {@code workshop.yaml}, such as {@code gateway-p99-factor}
	 * @return the target
	 * @throws WorkshopException when the step does not set it
	 */
	double target(String name) {
		Double target = this.step.bench().targets().get(name);
		if (target == null) {
			throw new WorkshopException(this.step.id() + " sets no target '" + name + "': add it under "
					+ "bench.targets of " + this.step.id() + " in workshop.yaml.");
		}
		return target;
	}

	/**
	 * Prints one progress line.
	 * @param format as for {@link String#format}
	 * @param arguments its arguments
	 */
	void progress(String format, Object... arguments) {
		this.out.printf(Locale.ROOT, "   " + format + "%n", arguments);
		this.out.flush();
	}

	/**
	 * Returns the order batch at the highest concurrency, if an earlier measure ran one.
	 * @return the batch, or empty
	 */
	Optional<BatchResult> busiestBatch() {
		return Optional.ofNullable(this.busiestBatch);
	}

	void busiestBatch(BatchResult batch) {
		this.busiestBatch = batch;
	}

	/**
	 * The bench's options.
	 *
	 * @param connections the concurrency levels, never empty
	 * @param duration how long each measured run lasts
	 * @param rate the most requests per second of open-loop latency runs
	 * @param orderTimeout how long an order may take to become final before it counts as
	 * an error
	 */
	record Settings(List<Integer> connections, Duration duration, int rate, Duration orderTimeout) {

		int busiest() {
			return this.connections.stream().mapToInt(Integer::intValue).max().orElse(1);
		}

	}

}
