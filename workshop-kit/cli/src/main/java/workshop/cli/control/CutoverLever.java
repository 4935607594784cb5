package workshop.cli.control;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;
import workshop.cli.run.ManagedApp;
import workshop.cli.run.StepSession;

/**
 * Moves a cutover route of the step's gateway (the app named {@code gateway}, as for
 * {@code ./workshop bench}): {@code POST /actuator/cutover} with the route and its new
 * weight, the same call the step's README shows with {@code curl}. The gateway does the
 * routing; this only asks it, from loopback, which is where the gateway accepts the
 * change from. A rollback is weight 0. A gateway whose manifest entry does not list
 * {@value App#CUTOVER} under {@code status} has no cutover, and is not asked.
 */
final class CutoverLever {

	static final String GATEWAY = "gateway";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CutoverLever() {
	}

	/**
	 * Sets a route's weight.
	 * @param session the running step
	 * @param route the route, such as {@code catalog}
	 * @param weight 0 (everyone on the monolith) to 100 (everyone on the new service)
	 * @return the route's policy as the gateway answered it
	 * @throws WorkshopException when the step has no running gateway or it refuses
	 */
	static JsonNode move(StepSession session, String route, int weight) {
		if (weight < 0 || weight > 100) {
			throw new WorkshopException("The weight must be 0 to 100, was " + weight + ".");
		}
		App described = cutoverGatewayOf(session.step());
		ManagedApp gateway = session.managedApps()
			.stream()
			.filter((app) -> app.name().equals(described.name()))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(session.step().id() + " has no gateway: nothing to cut over."));
		if (gateway.current() == null) {
			throw new WorkshopException(
					"The gateway is " + gateway.state().label() + ": start it first (./workshop start gateway).");
		}
		String body = JSON.writeValueAsString(JSON.createObjectNode().put("route", route).put("weight", weight));
		HttpRequest request = HttpRequest.newBuilder(gateway.url().resolve(App.CUTOVER))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new WorkshopException("The gateway refused weight " + weight + " for route '" + route + "' (HTTP "
						+ answer.statusCode() + "): " + answer.body());
			}
			return JSON.readTree(answer.body());
		}
		catch (IOException ex) {
			throw new WorkshopException("The gateway does not answer on " + gateway.url() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WorkshopException("Interrupted while moving the cutover.", ex);
		}
	}

	/**
	 * Returns the gateway of a step that has a cutover to move.
	 * @param step the step
	 * @return the app named {@value #GATEWAY}, never null
	 * @throws WorkshopException when the step has no gateway, or its gateway has no
	 * cutover
	 */
	static App cutoverGatewayOf(Step step) {
		App gateway = step.apps()
			.stream()
			.filter((app) -> app.name().equals(GATEWAY))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(step.id() + " has no gateway: nothing to cut over."));
		if (!gateway.hasCutover()) {
			throw new WorkshopException(step.id() + "'s gateway has no cutover (no " + App.CUTOVER
					+ " under its status in workshop.yaml): every route goes to its one app, so there is no weight to set.");
		}
		return gateway;
	}

}
