package workshop.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * What the gateway costs: each request measured direct to the backend that serves it and
 * through the gateway, interleaved in short rounds (direct first in one round, the
 * gateway first in the next) so that load from elsewhere on the machine hits both sides
 * alike. Two measures per side: latency at a moderate fixed rate ({@link FixedRateLoad},
 * see {@link #moderateRate}) and throughput at saturation (closed loop,
 * {@link LoadGenerator}).
 * <p>
 * A step has a gateway when one of its apps in {@code workshop.yaml} is named
 * {@code gateway}. The backend that serves a request is the app named by the
 * {@code X-Served-By} header of the gateway's answer; direct means the same request sent
 * to that app's port.
 */
final class GatewayOverhead {

	/** The name that makes an app of the manifest a step's gateway. */
	static final String GATEWAY = "gateway";

	/** The gateway route whose new service the comparison measures. */
	static final String CATALOG_ROUTE = "catalog";

	/** Rounds per side and measure; the report shows the median. */
	static final int ROUNDS = 5;

	private final HttpClient client;

	private final Step step;

	private final int rate;

	private final int connections;

	private final Duration round;

	private final PrintWriter out;

	/**
	 * Prepares the comparison.
	 * @param client the client to send with
	 * @param step the step, which must have a gateway
	 * @param rate the most requests per second of the latency runs
	 * @param connections concurrency of the throughput runs
	 * @param duration how long each side runs each measure, split into {@link #ROUNDS}
	 * @param out where progress goes
	 */
	GatewayOverhead(HttpClient client, Step step, int rate, int connections, Duration duration, PrintWriter out) {
		this.client = client;
		this.step = step;
		this.rate = rate;
		this.connections = connections;
		this.round = duration.dividedBy(ROUNDS);
		this.out = out;
	}

	/**
	 * Returns a step's gateway.
	 * @param step the step
	 * @return the app named {@value #GATEWAY}, or empty when the step has none
	 */
	static Optional<App> gatewayOf(Step step) {
		return step.apps().stream().filter((app) -> GATEWAY.equals(app.name())).findFirst();
	}

	/**
	 * Returns the fixed rate of a latency run: the rate asked for, but at most half of
	 * what the shop sustains for that request, so that the run measures latency and not a
	 * queue that grows for as long as it lasts.
	 * @param asked the {@code --rate}
	 * @param sustained requests per second the shop sustains
	 * @return requests per second, at least 1
	 */
	static int moderateRate(int asked, double sustained) {
		return (int) Math.max(1, Math.min(asked, Math.floor(sustained / 2)));
	}

	/**
	 * Measures the shop's requests both ways.
	 * @param shop the shop's requests through the gateway (its front door)
	 * @param orderCapacity the orders the step completes per second at the highest
	 * concurrency, or {@code null} to measure it here
	 * @return one comparison per request, never null
	 * @throws WorkshopException when a request's backend cannot be told
	 * @throws InterruptedException when interrupted
	 */
	List<RequestComparison> measure(ShopRequests shop, BatchResult orderCapacity) throws InterruptedException {
		LoadGenerator closedLoop = new LoadGenerator(this.client);
		List<RequestComparison> requests = new ArrayList<>();
		// A read is sustained at the rate a closed loop gets direct.
		requests.add(compare("GET /api/products", shop.listProducts(), 200,
				(direct) -> closedLoop.run(direct, 200, this.connections, this.round).throughput()));
		shop.topUpStock();
		requests.add(compare("POST /api/orders", shop.placeOrder(), 201,
				(direct) -> ordersCompletedPerSecond(direct, orderCapacity)));
		return requests;
	}

	/**
	 * Orders are sustained at the rate their flow completes them, not at the rate of
	 * POSTs: measured earlier by the bench, or here with a short batch.
	 */
	private double ordersCompletedPerSecond(HttpRequest placeOrderDirect, BatchResult measuredEarlier)
			throws InterruptedException {
		if (measuredEarlier != null) {
			return measuredEarlier.completedPerSecond();
		}
		OrderBatch batch = new OrderBatch(this.client, placeOrderDirect, Duration.ofSeconds(30));
		return CompletedOrders.sized(batch, this.connections, this.round).completedPerSecond();
	}

	RequestComparison compare(String name, HttpRequest viaGateway, int expectedStatus, Sustained sustained)
			throws InterruptedException {
		App backend = backendServing(viaGateway);
		HttpRequest direct = sentTo(viaGateway, backend);
		int moderate = moderateRate(this.rate, sustained.perSecond(direct));
		FixedRateLoad fixedRate = new FixedRateLoad(this.client);
		LoadGenerator closedLoop = new LoadGenerator(this.client);
		List<LoadResult> directAtRate = new ArrayList<>();
		List<LoadResult> gatewayAtRate = new ArrayList<>();
		List<LoadResult> directSaturated = new ArrayList<>();
		List<LoadResult> gatewaySaturated = new ArrayList<>();
		inRounds((request) -> fixedRate.run(request, expectedStatus, moderate, this.round), direct, viaGateway,
				directAtRate, gatewayAtRate);
		inRounds((request) -> closedLoop.run(request, expectedStatus, this.connections, this.round), direct, viaGateway,
				directSaturated, gatewaySaturated);
		RequestComparison comparison = new RequestComparison(name, backend.name(), moderate, directAtRate,
				gatewayAtRate, directSaturated, gatewaySaturated);
		this.out.printf(Locale.ROOT,
				"   %-18s direct (%s) / gateway: p50 %.2f / %.2f ms, p99 %.2f / %.2f ms at %d req/s; "
						+ "%.0f / %.0f req/s at %d connections; errors %d / %d%n",
				name, backend.name(), comparison.directMillis(50), comparison.gatewayMillis(50),
				comparison.directMillis(99), comparison.gatewayMillis(99), moderate, comparison.directThroughput(),
				comparison.gatewayThroughput(), this.connections, comparison.directErrors(),
				comparison.gatewayErrors());
		this.out.flush();
		return comparison;
	}

	/**
	 * Runs one measure on both sides for {@link #ROUNDS} rounds: direct first in even
	 * rounds, the gateway first in odd ones, so neither side always runs right after the
	 * other has warmed or loaded the backend.
	 */
	private static void inRounds(Measure measure, HttpRequest direct, HttpRequest viaGateway,
			List<LoadResult> directResults, List<LoadResult> gatewayResults) throws InterruptedException {
		for (int round = 0; round < ROUNDS; round++) {
			if (round % 2 == 0) {
				directResults.add(measure.run(direct));
				gatewayResults.add(measure.run(viaGateway));
			}
			else {
				gatewayResults.add(measure.run(viaGateway));
				directResults.add(measure.run(direct));
			}
		}
	}

	/** The app that answers a request through the gateway, by its {@code X-Served-By}. */
	private App backendServing(HttpRequest viaGateway) throws InterruptedException {
		String what = viaGateway.method() + " " + viaGateway.uri();
		HttpResponse<String> answer;
		try {
			answer = this.client.send(viaGateway, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new WorkshopException(what + " failed (" + ex + "): is the gateway of " + this.step.id() + " up?",
					ex);
		}
		String servedBy = answer.headers().firstValue("X-Served-By").orElse("nobody");
		return this.step.apps()
			.stream()
			.filter((app) -> app.name().equals(servedBy) && !GATEWAY.equals(servedBy))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(what + " answered " + answer.statusCode() + " served by '"
					+ servedBy + "', not by a backend of " + this.step.id()
					+ " in workshop.yaml: check the backend's log in target/bench/ and that it sets X-Served-By."));
	}

	/** The same request, sent straight to an app's port. */
	static HttpRequest sentTo(HttpRequest request, App app) {
		URI uri = request.uri();
		try {
			URI direct = new URI("http", null, "localhost", app.port(), uri.getPath(), uri.getQuery(), null);
			return HttpRequest.newBuilder(request, (header, value) -> true).uri(direct).build();
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Cannot send " + uri + " to port " + app.port(), ex);
		}
	}

	/** What the shop sustains for a request, measured direct. */
	@FunctionalInterface
	interface Sustained {

		double perSecond(HttpRequest direct) throws InterruptedException;

	}

	@FunctionalInterface
	private interface Measure {

		LoadResult run(HttpRequest request) throws InterruptedException;

	}

}
