package workshop.cli.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request counters of one app, read from what its {@code /actuator/prometheus}
 * answers (Micrometer's text format): requests it served and how many of them failed, and
 * requests it sent to other apps.
 * <p>
 * Served requests are {@code http_server_requests_seconds_count} without the
 * {@code /actuator} paths (health checks and these very scrapes are not traffic); a
 * failure is one whose outcome is {@code SERVER_ERROR}. Sent requests are
 * {@code http_client_requests_seconds_count} and the gateway's
 * {@code spring_cloud_gateway_requests_seconds_count}, each series with its labels, so
 * that a caller of several apps can be told apart by the port a label names.
 *
 * @param served requests served
 * @param errors served requests that failed on the server's side
 * @param sent series of requests sent to other apps
 */
record MetricCounts(double served, double errors, List<Series> sent) {

	/** Nothing counted: an app that does not run or does not answer. */
	static final MetricCounts NONE = new MetricCounts(0, 0, List.of());

	/**
	 * One series of a counter.
	 *
	 * @param counter the counter's name
	 * @param labels its labels, such as {@code uri} and {@code client_name}
	 * @param value its value
	 */
	record Series(String counter, Map<String, String> labels, double value) {
	}

	/**
	 * Reads the counters out of a Prometheus scrape.
	 * @param text what {@code /actuator/prometheus} answered
	 * @return the counters, zero for those the text lacks
	 */
	static MetricCounts parse(String text) {
		double served = 0;
		double errors = 0;
		List<Series> sent = new ArrayList<>();
		for (PrometheusText.Sample sample : PrometheusText.parse(text)) {
			if ("http_server_requests_seconds_count".equals(sample.name())) {
				if (sample.label("uri").startsWith("/actuator")) {
					continue;
				}
				served += sample.value();
				if ("SERVER_ERROR".equals(sample.label("outcome"))) {
					errors += sample.value();
				}
			}
			else if ("http_client_requests_seconds_count".equals(sample.name())
					|| "spring_cloud_gateway_requests_seconds_count".equals(sample.name())) {
				sent.add(new Series(sample.name(), sample.labels(), sample.value()));
			}
		}
		return new MetricCounts(served, errors, List.copyOf(sent));
	}

	/**
	 * Counts what was sent to the app on a port. A client may count each call in more
	 * than one counter (the gateway counts its routes and its HTTP client both); the
	 * counter that counted most is taken.
	 * @param port the called app's port
	 * @return the count of the series with a label naming {@code :<port>}, or -1 when no
	 * series names a port at all (the caller's client does not say where it went)
	 */
	double sentTo(int port) {
		boolean anyPort = false;
		Map<String, Double> byCounter = new LinkedHashMap<>();
		for (Series series : this.sent) {
			boolean named = false;
			for (String label : series.labels().values()) {
				anyPort |= label.matches(".*:\\d+.*");
				named |= label.contains(":" + port + "/") || label.endsWith(":" + port);
			}
			if (named) {
				byCounter.merge(series.counter(), series.value(), Double::sum);
			}
		}
		return anyPort ? byCounter.values().stream().mapToDouble(Double::doubleValue).max().orElse(0) : -1;
	}

	/**
	 * Counts everything sent, by the counter that counted most.
	 * @return the count
	 */
	double sentInAll() {
		Map<String, Double> byCounter = new LinkedHashMap<>();
		this.sent.forEach((series) -> byCounter.merge(series.counter(), series.value(), Double::sum));
		return byCounter.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
	}

}
