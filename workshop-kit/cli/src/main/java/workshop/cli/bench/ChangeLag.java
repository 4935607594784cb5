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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;
import workshop.cli.run.RunningApp;

/**
 * How far behind its source a replicated copy runs: admin price changes through the front
 * door at a fixed rate, open loop, each to the next of the listed products in turn, and
 * the lag of every change applier of the step read from the {@code cdc.apply.lag}
 * histograms the apps publish ({@link LagHistogram}). First at 50 changes/s, the rate the
 * lag targets are set for, then at doubling rates until an applier's p99 passes 1 s,
 * changes are lost on the way, or the front door itself cannot take the rate: the highest
 * rate before that is the sustained capacity. The step's targets:
 * {@code change-lag-p50-ms} and {@code change-lag-p99-ms} at 50/s,
 * {@code change-rate-per-second} for the capacity.
 */
final class ChangeLag implements Measure {

	private static final String TITLE = "Change data capture: commit-to-applied lag";

	private static final String EXPLANATION = "Admin price changes (PUT /api/products/{id}, the listed products in "
			+ "turn) sent at a fixed rate for --duration, open loop. Lag is from the commit at the source (the change event's source.ts_ms) "
			+ "to the commit of the applied change, per applier (histograms of cdc.apply.lag, bucket-interpolated). "
			+ "The rate doubles until an applier's p99 passes 1 s, a change is not applied within 30 s, or writes fail.";

	private static final int TARGET_RATE = 50;

	private static final int MOST_RATE = 3200;

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
		List<Row> rows = new ArrayList<>();
		int sustained = 0;
		for (int rate = TARGET_RATE; rate <= MOST_RATE; rate *= 2) {
			Map<String, LagHistogram> before = lagHistograms(bench);
			// round the products: one row changed 50 times a second measures its row
			// lock,
			// not the stream
			LoadResult writes = load.run((i) -> priceChange(products, catalog.get((int) (i % catalog.size())), i), 200,
					rate, bench.settings().duration());
			long sent = writes.latencies().getTotalCount();
			Map<String, LagHistogram> lags = caughtUp(bench, before, sent);
			if (lags.isEmpty()) {
				throw new WorkshopException(bench.step().id() + " publishes no cdc.apply.lag histogram on any "
						+ "app's /actuator/prometheus: list change-lag only for a step whose apps apply changes.");
			}
			boolean kept = writes.errors() == 0;
			for (LagHistogram lag : lags.values()) {
				kept &= lag.count() >= sent && lag.millis(0.99) < CAPACITY_P99_MILLIS;
				bench.progress("%-16s %5d/s  applied %6d of %6d  p50 %7.1f ms  p99 %7.1f ms  write errors %d",
						lag.applier(), rate, lag.count(), sent, lag.millis(0.5), lag.millis(0.99), writes.errors());
				rows.add(new Row(List.of(lag.applier(), rate + "/s"),
						List.of(String.valueOf(sent), String.valueOf(lag.count()), millis(lag.millis(0.5)),
								millis(lag.millis(0.99)), String.valueOf(writes.errors()),
								(rate == TARGET_RATE) ? lagTarget(bench, lag) : "")));
			}
			if (!kept) {
				break;
			}
			sustained = rate;
		}
		double rateTarget = bench.target("change-rate-per-second");
		rows.add(new Row(List.of("sustained with p99 < 1 s", "all appliers"),
				List.of(sustained + "/s", "", "", "", "", String.format(Locale.ROOT, "%s (>= %.0f/s)",
						(sustained >= rateTarget) ? "met" : "missed", rateTarget))));
		return new Table(TITLE, EXPLANATION, List.of("applier", "rate"),
				List.of("changes", "applied", "p50", "p99", "write errors", "target"), rows);
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
