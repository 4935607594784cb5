package workshop.cli.bench;

import java.util.Locale;

import workshop.cli.bench.StepMeasurements.AppStartup;

/**
 * Writes the "gateway overhead" part of the report for a step with a gateway: the
 * direct-vs-gateway figures of each request and each app's start and memory, every one
 * next to its target ({@link GatewayTargets}) and whether it was met.
 */
final class GatewayOverheadReport {

	private GatewayOverheadReport() {
	}

	static String markdown(StepMeasurements step) {
		GatewayComparison gateway = step.gateway();
		StringBuilder md = new StringBuilder();
		md.append("\n## ").append(step.step()).append(": gateway overhead\n\n");
		md.append(String.format(Locale.ROOT,
				"Each request direct to the app that serves it and through the gateway, interleaved: %d rounds of "
						+ "%.1f s per side and measure, median of the rounds. Latency open loop at --rate %d req/s "
						+ "(or half of what the step sustains for that request, if less), from the intended send "
						+ "time; throughput closed loop at %d connections. Catalog cutover weight 100 while "
						+ "measuring.%n%n",
				gateway.rounds(), gateway.round().toMillis() / 1000.0, gateway.rate(), gateway.connections()));
		md.append("| request | measure | direct | via gateway | target | result |\n");
		md.append("|---|---|---:|---:|---|---|\n");
		for (RequestComparison request : gateway.requests()) {
			md.append(requestRows(request, gateway.connections()));
		}
		md.append("\n| app | launch to healthy (s) | target | RSS, larger of healthy and after load (MB) | target |\n");
		md.append("|---|---:|---|---:|---|\n");
		for (AppStartup app : step.startups()) {
			md.append(appRow(app));
		}
		return md.toString();
	}

	private static String requestRows(RequestComparison request, int connections) {
		double directP50 = request.directMillis(50);
		double gatewayP50 = request.gatewayMillis(50);
		double directP99 = request.directMillis(99);
		double gatewayP99 = request.gatewayMillis(99);
		double share = request.throughputShare();
		long errors = request.directErrors() + request.gatewayErrors();
		return String.format(Locale.ROOT,
				"| %s (%s) | p50 at %d req/s, %d answers a side (ms) | %s | %s | <= %s | %s |%n", request.request(),
				request.backend(), request.rate(), request.answersAtRate(), millis(directP50), millis(gatewayP50),
				millis(GatewayTargets.p50Bound(directP50)),
				GatewayTargets.verdict(GatewayTargets.p50Met(directP50, gatewayP50)))
				+ String.format(Locale.ROOT, "| | p99 at %d req/s (ms) | %s | %s | <= %s | %s |%n", request.rate(),
						millis(directP99), millis(gatewayP99), millis(GatewayTargets.p99Bound(directP99)),
						GatewayTargets.verdict(GatewayTargets.p99Met(directP99, gatewayP99)))
				+ String.format(Locale.ROOT, "| | req/s at %d connections | %.0f | %.0f (%.0f%%) | >= %.0f%% | %s |%n",
						connections, request.directThroughput(), request.gatewayThroughput(), 100 * share,
						100 * GatewayTargets.THROUGHPUT_SHARE,
						GatewayTargets.verdict(GatewayTargets.throughputMet(share)))
				+ String.format(Locale.ROOT, "| | errors (failed or unexpected status) | %d | %d | 0 | %s |%n",
						request.directErrors(), request.gatewayErrors(), GatewayTargets.verdict(errors == 0));
	}

	/** Every app has the start target; the gateway also has the memory target. */
	private static String appRow(AppStartup app) {
		long rss = Math.max(app.rssHealthyBytes(), app.rssAfterLoadBytes());
		String rssTarget = "";
		if (GatewayOverhead.GATEWAY.equals(app.app())) {
			rssTarget = String.format(Locale.ROOT, "< %d: %s", GatewayTargets.GATEWAY_RSS_MB,
					GatewayTargets.verdict(GatewayTargets.gatewayRssMet(rss)));
		}
		return String.format(Locale.ROOT, "| %s | %.1f | < %.0f s: %s | %s | %s |%n", app.app(), app.seconds(),
				GatewayTargets.STARTUP_SECONDS, GatewayTargets.verdict(GatewayTargets.startupMet(app.seconds())),
				BenchReport.megabytes(rss), rssTarget);
	}

	/** A latency for the table: "n/a" when no request was answered. */
	private static String millis(double millis) {
		return Double.isNaN(millis) ? "n/a" : String.format(Locale.ROOT, "%.2f", millis);
	}

	static String json(StepMeasurements step) {
		GatewayComparison gateway = step.gateway();
		StringBuilder json = new StringBuilder();
		json.append(String.format(Locale.ROOT,
				", \"gatewayOverhead\": {\"rate\": %d, \"connections\": %d, \"rounds\": %d, \"roundSeconds\": %.3f, "
						+ "\"requests\": [",
				gateway.rate(), gateway.connections(), gateway.rounds(), gateway.round().toMillis() / 1000.0));
		for (int r = 0; r < gateway.requests().size(); r++) {
			json.append((r > 0) ? "," : "").append(requestJson(gateway.requests().get(r)));
		}
		json.append("], \"apps\": [");
		for (int a = 0; a < step.startups().size(); a++) {
			AppStartup app = step.startups().get(a);
			long rss = Math.max(app.rssHealthyBytes(), app.rssAfterLoadBytes());
			json.append((a > 0) ? ", " : "")
				.append(String.format(Locale.ROOT, "{\"app\": %s, \"startupMet\": %b", BenchReport.quote(app.app()),
						GatewayTargets.startupMet(app.seconds())));
			if (GatewayOverhead.GATEWAY.equals(app.app())) {
				json.append(String.format(Locale.ROOT, ", \"rssMet\": %b", GatewayTargets.gatewayRssMet(rss)));
			}
			json.append("}");
		}
		return json.append("]}").toString();
	}

	private static String requestJson(RequestComparison request) {
		double directP50 = request.directMillis(50);
		double gatewayP50 = request.gatewayMillis(50);
		double directP99 = request.directMillis(99);
		double gatewayP99 = request.gatewayMillis(99);
		return String.format(Locale.ROOT,
				"%n      {\"request\": %s, \"backend\": %s, \"rate\": %d, \"answersAtRate\": %d, "
						+ "\"directP50Millis\": %s, \"gatewayP50Millis\": %s, \"p50Met\": %b, "
						+ "\"directP99Millis\": %s, \"gatewayP99Millis\": %s, \"p99Met\": %b, "
						+ "\"directRequestsPerSecond\": %.1f, \"gatewayRequestsPerSecond\": %.1f, "
						+ "\"throughputShare\": %.3f, \"throughputMet\": %b, \"directErrors\": %d, "
						+ "\"gatewayErrors\": %d}",
				BenchReport.quote(request.request()), BenchReport.quote(request.backend()), request.rate(),
				request.answersAtRate(), jsonMillis(directP50), jsonMillis(gatewayP50),
				GatewayTargets.p50Met(directP50, gatewayP50), jsonMillis(directP99), jsonMillis(gatewayP99),
				GatewayTargets.p99Met(directP99, gatewayP99), request.directThroughput(), request.gatewayThroughput(),
				request.throughputShare(), GatewayTargets.throughputMet(request.throughputShare()),
				request.directErrors(), request.gatewayErrors());
	}

	/** A latency for JSON: {@code null} when no request was answered. */
	private static String jsonMillis(double millis) {
		return Double.isNaN(millis) ? "null" : String.format(Locale.ROOT, "%.3f", millis);
	}

}
