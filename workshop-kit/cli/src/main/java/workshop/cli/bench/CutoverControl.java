package workshop.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * The gateway's cutover endpoint for one route ({@code /actuator/cutover/<route>}, which
 * answers callers on the gateway's own machine only): reads and sets the share of
 * clients, 0 to 100, that the route sends to its new service. A gateway has one when its
 * manifest entry lists {@value App#CUTOVER} under {@code status}
 * ({@link App#hasCutover()}).
 */
final class CutoverControl {

	private static final Pattern WEIGHT = Pattern.compile("\"weight\"\\s*:\\s*(\\d+)");

	private final HttpClient client;

	private final URI endpoint;

	private final String route;

	/**
	 * Controls one route of a gateway.
	 * @param client the client to send with
	 * @param gateway the gateway app of the step
	 * @param route the route's name, such as {@code catalog}
	 */
	CutoverControl(HttpClient client, App gateway, String route) {
		this.client = client;
		this.endpoint = URI.create(gateway.url()).resolve("actuator/cutover");
		this.route = route;
	}

	/**
	 * Returns the cutover of a step's catalog route.
	 * @param client the client to send with
	 * @param step the step
	 * @return the control, or empty when the step has no gateway or its gateway has no
	 * cutover
	 */
	static Optional<CutoverControl> of(HttpClient client, Step step) {
		return GatewayOverhead.gatewayOf(step)
			.filter(App::hasCutover)
			.map((gateway) -> new CutoverControl(client, gateway, GatewayOverhead.CATALOG_ROUTE));
	}

	/**
	 * Says how the step's gateway routes while bench measures.
	 * @param step the step, which must have a gateway
	 * @return one sentence for the report, never null
	 */
	static String routingWhileMeasuring(Step step) {
		boolean cutover = GatewayOverhead.gatewayOf(step).map(App::hasCutover).orElse(false);
		return cutover ? "Catalog cutover weight 100 while measuring." : "The gateway has no cutover (no " + App.CUTOVER
				+ " under its status in workshop.yaml): " + "each route goes to its one app.";
	}

	/**
	 * Returns the route's current weight.
	 * @return 0 to 100
	 * @throws WorkshopException when the endpoint cannot be reached or does not answer as
	 * the gateway's README says
	 */
	int weight() {
		HttpRequest read = HttpRequest.newBuilder(this.endpoint.resolve("cutover/" + this.route))
			.timeout(Duration.ofSeconds(10))
			.build();
		return weightIn(send(read));
	}

	/**
	 * Sets the route's weight.
	 * @param weight 0 to 100
	 * @throws WorkshopException when the endpoint cannot be reached or refuses the change
	 */
	void setWeight(int weight) {
		String body = "{\"route\": \"" + this.route + "\", \"weight\": " + weight + "}";
		HttpRequest change = HttpRequest.newBuilder(this.endpoint)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		int now = weightIn(send(change));
		if (now != weight) {
			throw unreachable("weight " + weight + " was asked, " + now + " is set");
		}
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> answer = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw unreachable(request.method() + " answered " + answer.statusCode());
			}
			return answer.body();
		}
		catch (IOException ex) {
			throw unreachable(ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted.", ex);
		}
	}

	private int weightIn(String body) {
		Matcher weight = WEIGHT.matcher(body);
		if (!weight.find()) {
			throw unreachable("no weight in its answer");
		}
		return Integer.parseInt(weight.group(1));
	}

	private WorkshopException unreachable(String what) {
		return new WorkshopException("The gateway's cutover endpoint " + this.endpoint + " for route '" + this.route
				+ "' did not work (" + what + "): bench needs it to send the route to the new service; "
				+ "run the gateway on this machine with the endpoint exposed "
				+ "(management.endpoints.web.exposure.include: cutover), or, for a gateway with no cutover, " + "drop "
				+ App.CUTOVER + " from its status in workshop.yaml.");
	}

}
