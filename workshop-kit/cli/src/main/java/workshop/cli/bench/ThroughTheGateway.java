package workshop.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;

/**
 * Direct against through the gateway ({@link GatewayOverhead}), each figure next to the
 * step's target ({@link GatewayTargets}) and whether it was met. For a step with an app
 * named {@code gateway}.
 */
final class ThroughTheGateway implements Measure {

	@Override
	public String name() {
		return "gateway-overhead";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		GatewayTargets targets = GatewayTargets.of(bench);
		if (GatewayOverhead.gatewayOf(bench.step()).isEmpty()) {
			throw new WorkshopException(bench.step().id() + " lists gateway-overhead but has no app named '"
					+ GatewayOverhead.GATEWAY + "' in workshop.yaml: drop the measure, or name its gateway so.");
		}
		BenchContext.Settings settings = bench.settings();
		List<RequestComparison> requests = new GatewayOverhead(bench.client(), bench.step(), settings.rate(),
				settings.busiest(), settings.duration(), bench.out())
			.measure(bench.shop(), bench.busiestBatch().orElse(null));
		String explanation = format("Each request direct to the app that serves it and through the gateway, "
				+ "interleaved: %d rounds of %.1f s per side and measure, median of the rounds. Latency open loop at "
				+ "--rate %d req/s (or half of what the step sustains for that request, if less), from the intended "
				+ "send time; throughput closed loop at %d connections. %s", GatewayOverhead.ROUNDS,
				settings.duration().dividedBy(GatewayOverhead.ROUNDS).toMillis() / 1000.0, settings.rate(),
				settings.busiest(), CutoverControl.routingWhileMeasuring(bench.step()));
		return table(explanation, requests, settings.busiest(), targets);
	}

	static Table table(String explanation, List<RequestComparison> requests, int connections, GatewayTargets targets) {
		List<Row> rows = new ArrayList<>();
		for (RequestComparison request : requests) {
			rows.addAll(requestRows(request, connections, targets));
		}
		return new Table("Gateway overhead", explanation, List.of("request", "measure"),
				List.of("direct", "via gateway", "target", "result"), rows);
	}

	private static List<Row> requestRows(RequestComparison request, int connections, GatewayTargets targets) {
		String what = request.request() + " (" + request.backend() + ")";
		double directP50 = request.directMillis(50);
		double gatewayP50 = request.gatewayMillis(50);
		double directP99 = request.directMillis(99);
		double gatewayP99 = request.gatewayMillis(99);
		double share = request.throughputShare();
		long errors = request.directErrors() + request.gatewayErrors();
		return List.of(
				new Row(List.of(what,
						format("p50 at %d req/s, %d answers a side (ms)", request.rate(), request.answersAtRate())),
						List.of(millis(directP50), millis(gatewayP50), "<= " + millis(targets.p50Bound(directP50)),
								GatewayTargets.verdict(targets.p50Met(directP50, gatewayP50)))),
				new Row(List.of(what, format("p99 at %d req/s (ms)", request.rate())),
						List.of(millis(directP99), millis(gatewayP99), "<= " + millis(targets.p99Bound(directP99)),
								GatewayTargets.verdict(targets.p99Met(directP99, gatewayP99)))),
				new Row(List.of(what, format("req/s at %d connections", connections)),
						List.of(format("%.0f", request.directThroughput()),
								format("%.0f (%.0f%%)", request.gatewayThroughput(), 100 * share),
								format(">= %.0f%%", 100 * targets.throughputShare()),
								GatewayTargets.verdict(targets.throughputMet(share)))),
				new Row(List.of(what, "errors (failed or unexpected status)"),
						List.of(Long.toString(request.directErrors()), Long.toString(request.gatewayErrors()), "0",
								GatewayTargets.verdict(errors == 0))));
	}

	/** A latency for the table: "n/a" when no request was answered. */
	private static String millis(double millis) {
		return Double.isNaN(millis) ? "n/a" : format("%.2f", millis);
	}

	private static String format(String format, Object... arguments) {
		return String.format(Locale.ROOT, format, arguments);
	}

}
