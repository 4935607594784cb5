package workshop.cli.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;
import workshop.cli.run.RunningApp;

/**
 * How far behind its source a replicated copy runs, read from the {@code cdc.apply.lag}
 * histograms that the step's change appliers publish ({@link LagHistogram}). Two kinds of
 * writes, open loop, at doubling rates:
 * <ul>
 * <li>admin price changes through the front door, each to the next of the listed
 * products: first at 50 changes/s, the rate the lag targets are set for, until the front
 * door cannot take the rate;
 * <li>single-row UPDATEs straight into the database the stream reads, from 250/s, until
 * an applier's p99 passes 1 s or changes are lost: the highest rate before that is the
 * stream's sustained capacity, which the API in front of it would hide.
 * </ul>
 * The step's targets: {@code change-lag-p50-ms} and {@code change-lag-p99-ms} at 50/s,
 * {@code change-rate-per-second} for the capacity.
 */
final class ChangeLag implements Measure {

	private static final String TITLE = "Change data capture: commit-to-applied lag";

	private static final String EXPLANATION = "Writes sent at a fixed rate for --duration, open loop, at doubling "
			+ "rates: admin price changes through the front door (PUT /api/products/{id}, the listed products in turn; "
			+ "after runs at 50/s that warm the write path up until one has no error) until writes fail, then "
			+ "single-row UPDATEs of those products straight into the database the stream reads (8 connections) until "
			+ "an applier's p99 passes 1 s or a change is not applied within 30 s. Lag is from the commit at the "
			+ "source (the change event's source.ts_ms) to the commit of the applied change, per applier "
			+ "(histograms of cdc.apply.lag, bucket-interpolated).";

	private static final int TARGET_RATE = 50;

	private static final int MOST_RATE = 3200;

	private static final int FIRST_DIRECT_RATE = 250;

	private static final int MOST_DIRECT_RATE = 16000;

	private static final String PRICE_CHANGE = "update catalog.products set price_amount = price_amount % 100000 + 1 "
			+ "where id = ?";

	private static final int WARM_UP_RUNS = 3;

	private static final double CAPACITY_P99_MILLIS = 1000;

	private static final Duration CATCH_UP = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String name() {
		return "change-lag";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		List<ObjectNode> catalog = products(bench);
		URI products = URI.create(bench.step().frontDoor()).resolve("/api/products/");
		FixedRateLoad load = new FixedRateLoad(bench.client());
		// round the products: one row changed 50 times a second measures
		// its row lock, not the stream; and count on across the runs, so
		// that no write repeats a price
		AtomicLong written = new AtomicLong();
		LongFunction<HttpRequest> writes = (i) -> {
			long n = written.getAndIncrement();
			return priceChange(products, catalog.get((int) (n % catalog.size())), n);
		};
		warmUp(bench, load, writes);
		List<Row> rows = new ArrayList<>();
		int frontDoor = climb(bench, "front door", TARGET_RATE, MOST_RATE,
				(rate) -> load.run(writes, 200, rate, bench.settings().duration()), rows);
		DirectWrites direct = new DirectWrites(StreamedDatabase.find(bench, name()), PRICE_CHANGE,
				(statement, n) -> statement.setObject(1,
						UUID.fromString(catalog.get((int) (n % catalog.size())).get("id").asString())));
		int database = climb(bench, "database", FIRST_DIRECT_RATE, MOST_DIRECT_RATE,
				(rate) -> direct.run(rate, bench.settings().duration()), rows);
		double rateTarget = bench.target("change-rate-per-second");
		rows.add(new Row(List.of("front door", "sustained", "all appliers"),
				List.of(frontDoor + "/s", "", "", "", "", "")));
		rows.add(new Row(List.of("database", "sustained with p99 < 1 s", "all appliers"),
				List.of(database + "/s", "", "", "", "", String.format(Locale.ROOT, "%s (>= %.0f/s)",
						(database >= rateTarget) ? "met" : "missed", rateTarget))));
		return new Table(TITLE, EXPLANATION, List.of("writes", "rate", "applier"),
				List.of("changes", "applied", "p50", "p99", "write errors", "target"), rows);
	}

	/** One run of writes at a rate. */
	@FunctionalInterface
	private interface Writes {

		LoadResult at(int rate) throws InterruptedException;

	}

	/**
	 * Runs the writes at doubling rates while every change is applied with a p99 under 1
	 * s and no write fails, and adds a row per applier and rate.
	 * @return the highest rate that kept up, or 0
	 */
	private static int climb(BenchContext bench, String writesName, int firstRate, int mostRate, Writes writes,
			List<Row> rows) throws InterruptedException {
		int sustained = 0;
		for (int rate = firstRate; rate <= mostRate; rate *= 2) {
			Map<String, LagHistogram> before = lagHistograms(bench);
			LoadResult run = writes.at(rate);
			long sent = run.latencies().getTotalCount();
			Map<String, LagHistogram> lags = caughtUp(bench, before, sent);
			if (lags.isEmpty()) {
				throw new WorkshopException(bench.step().id() + " publishes no cdc.apply.lag histogram on any "
						+ "app's /actuator/prometheus: list change-lag only for a step whose apps apply changes.");
			}
			boolean kept = run.errors() == 0;
			for (LagHistogram lag : lags.values()) {
				kept &= lag.count() >= sent && lag.millis(0.99) < CAPACITY_P99_MILLIS;
				bench.progress("%-10s %5d/s  %-16s applied %6d of %6d  p50 %7.1f ms  p99 %7.1f ms  write errors %s",
						writesName, rate, lag.applier(), lag.count(), sent, lag.millis(0.5), lag.millis(0.99),
						run.errorsAndCauses());
				rows.add(new Row(List.of(writesName, rate + "/s", lag.applier()), List.of(String.valueOf(sent),
						String.valueOf(lag.count()), millis(lag.millis(0.5)), millis(lag.millis(0.99)),
						run.errorsAndCauses(),
						(rate == TARGET_RATE && writesName.equals("front door")) ? lagTarget(bench, lag) : "")));
			}
			if (!kept) {
				break;
			}
			sustained = rate;
		}
		return sustained;
	}

	/**
	 * Runs the writes at the target rate, not counted, until a run has no error (at most
	 * {@value #WARM_UP_RUNS} runs). A freshly started step answers its first writes
	 * slowly, and those that pass the gateway's timeout open its breaker for a while.
	 */
	private static void warmUp(BenchContext bench, FixedRateLoad load, LongFunction<HttpRequest> writes)
			throws InterruptedException {
		for (int run = 1; run <= WARM_UP_RUNS; run++) {
			Map<String, LagHistogram> before = lagHistograms(bench);
			LoadResult warmUp = load.run(writes, 200, TARGET_RATE, bench.settings().duration());
			caughtUp(bench, before, warmUp.latencies().getTotalCount());
			bench.progress("warming the write path up at %d/s, run %d: write errors %s", TARGET_RATE, run,
					warmUp.errorsAndCauses());
			if (warmUp.errors() == 0) {
				return;
			}
		}
	}

	/** Whether the lag at 50 changes/s meets the step's targets for p50 and p99. */
	private static String lagTarget(BenchContext bench, LagHistogram lag) {
		double p50 = bench.target("change-lag-p50-ms");
		double p99 = bench.target("change-lag-p99-ms");
		boolean met = lag.millis(0.5) <= p50 && lag.millis(0.99) <= p99;
		return String.format(Locale.ROOT, "%s (p50 <= %.0f ms, p99 <= %.0f ms)", met ? "met" : "missed", p50, p99);
	}

	private static List<ObjectNode> products(BenchContext bench) {
		HttpResponse<String> answer = bench.shop().sendSetUp(bench.shop().listProducts());
		JsonNode products = JSON.readTree(answer.body());
		if (answer.statusCode() != 200 || !products.isArray() || products.isEmpty()) {
			throw new WorkshopException("GET /api/products answered " + answer.statusCode()
					+ " with no product: the step needs its seed data to be benchmarked.");
		}
		List<ObjectNode> all = new ArrayList<>();
		products.forEach((product) -> all.add((ObjectNode) product));
		return all;
	}

	private static HttpRequest priceChange(URI products, ObjectNode product, long i) {
		URI uri = products.resolve(product.get("id").asString());
		long price = product.get("price").get("amount").asLong() + 1 + (i % 1000);
		ObjectNode body = product.deepCopy();
		body.remove("id");
		((ObjectNode) body.get("price")).put("amount", price);
		return HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Authorization", ShopRequests.ADMIN)
			.PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
	}

	/**
	 * Waits until every applier has applied as many changes as were sent, or until
	 * {@link #CATCH_UP} has passed.
	 */
	private static Map<String, LagHistogram> caughtUp(BenchContext bench, Map<String, LagHistogram> before, long sent)
			throws InterruptedException {
		long giveUpAt = System.nanoTime() + CATCH_UP.toNanos();
		while (true) {
			Map<String, LagHistogram> since = new LinkedHashMap<>();
			lagHistograms(bench).forEach((applier, now) -> since.put(applier, now.since(before.get(applier))));
			boolean all = since.values().stream().allMatch((lag) -> lag.count() >= sent);
			if ((all && !since.isEmpty()) || System.nanoTime() > giveUpAt) {
				return since;
			}
			Thread.sleep(200);
		}
	}

	private static Map<String, LagHistogram> lagHistograms(BenchContext bench) {
		Map<String, LagHistogram> histograms = new LinkedHashMap<>();
		for (RunningApp app : bench.apps()) {
			HttpRequest scrape = HttpRequest.newBuilder(URI.create(app.app().url() + "actuator/prometheus"))
				.timeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> answer = bench.shop().send(scrape);
			if (answer.statusCode() == 200) {
				histograms.putAll(LagHistogram.read(answer.body()));
			}
		}
		return histograms;
	}

	private static String millis(double millis) {
		return Double.isNaN(millis) ? "-"
				: Double.isInfinite(millis) ? "> 30 s" : String.format(Locale.ROOT, "%.1f ms", millis);
	}

}
