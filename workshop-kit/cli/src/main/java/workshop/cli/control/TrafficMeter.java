package workshop.cli.control;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;

/**
 * Reads the apps' counters from their {@code /actuator/prometheus} when asked, and
 * answers the rates since the reading before. Readings come no closer than
 * {@link #MIN_INTERVAL}: several pages polling at once share one, and nobody polling
 * costs nothing. The state it keeps is the last reading only; a page that reloads gets
 * the same rates as before.
 */
final class TrafficMeter {

	/** Spring Boot's Prometheus endpoint, which every app of the workshop exposes. */
	static final String METRICS_PATH = "/actuator/prometheus";

	private static final Duration MIN_INTERVAL = Duration.ofMillis(800);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final StepSession session;

	private Traffic.Reading last;

	private Traffic traffic;

	TrafficMeter(StepSession session) {
		this.session = session;
	}

	/**
	 * Returns the rates between the last two readings, reading again when the last one is
	 * old enough.
	 * @return the traffic, never null
	 */
	synchronized Traffic read() {
		long now = System.nanoTime();
		if (this.traffic != null && now - this.last.nanos() < MIN_INTERVAL.toNanos()) {
			return this.traffic;
		}
		List<Traffic.Node> nodes = new ArrayList<>();
		for (ManagedApp app : this.session.managedApps()) {
			nodes.add(new Traffic.Node(app.name(), app.port(), List.copyOf(app.app().calls().keySet())));
		}
		Traffic.Reading reading = scrape();
		this.traffic = Traffic.between(nodes, this.last, reading);
		this.last = reading;
		return this.traffic;
	}

	private Traffic.Reading scrape() {
		ExecutorService askers = Executors.newFixedThreadPool(4);
		try {
			Map<String, CompletableFuture<MetricCounts>> asked = new LinkedHashMap<>();
			for (ManagedApp app : this.session.managedApps()) {
				asked.put(app.name(), CompletableFuture.supplyAsync(() -> counts(app), askers));
			}
			long nanos = System.nanoTime();
			Map<String, MetricCounts> counts = new LinkedHashMap<>();
			asked.forEach((name, counted) -> {
				MetricCounts value = counted.join();
				if (value != null) {
					counts.put(name, value);
				}
			});
			return new Traffic.Reading(nanos, counts);
		}
		finally {
			askers.shutdown();
		}
	}

	/** The app's counters, or null when it does not run or does not answer. */
	private static MetricCounts counts(ManagedApp app) {
		if (app.current() == null) {
			return null;
		}
		HttpRequest request = HttpRequest.newBuilder(app.url().resolve(METRICS_PATH))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? MetricCounts.parse(response.body()) : null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			return null;
		}
	}

}
