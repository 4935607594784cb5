package shop.systemtests;

import java.net.URI;

import workshop.cli.control.PrometheusText;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

/**
 * An app's metrics, as Prometheus scrapes them from {@code /actuator/prometheus}.
 */
final class Metrics {

	private final ShopClient app;

	Metrics(URI app) {
		this.app = new ShopClient(app);
	}

	/**
	 * Scrapes the app and returns one metric's value.
	 * @param name the metric's name in Prometheus's form, such as
	 * {@code shop_outbox_backlog}; the first series of that name counts
	 * @return its value
	 * @throws AssertionError when the app does not answer or has no such metric
	 */
	double value(String name) {
		ShopResponse scrape = this.app.get("/actuator/prometheus");
		if (scrape.status() != 200) {
			throw new AssertionError("GET /actuator/prometheus answered " + scrape.status());
		}
		return PrometheusText.parse(scrape.body())
			.stream()
			.filter((sample) -> sample.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(
					"no metric " + name + " in " + this.app.baseUrl() + "/actuator/prometheus"))
			.value();
	}

}
