package shop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.Yaml;

import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * Step 4's {@code compose.yaml}, read as Compose reads it (YAML merge keys resolved), and
 * checked against what {@code ./workshop run} knows of the step from
 * {@code workshop.yaml}: its apps, their ports, readiness endpoints, databases and calls.
 * Compose itself cannot run here (no Docker engine), so these checks are what stands
 * between a typo and an attendee's {@code docker compose up} that waits forever.
 */
final class ComposeFile {

	private static final String CONDITION_HEALTHY = "service_healthy";

	private final Map<String, Object> services;

	private ComposeFile(Map<String, Object> services) {
		this.services = services;
	}

	/**
	 * Reads a compose file.
	 * @param yaml its text
	 * @return the file, ready to check
	 * @throws IllegalArgumentException when it has no {@code services}
	 */
	static ComposeFile parse(String yaml) {
		Map<String, Object> file = new Yaml().load(yaml);
		if (file == null || !(file.get("services") instanceof Map<?, ?>)) {
			throw new IllegalArgumentException("compose.yaml has no services");
		}
		return new ComposeFile(map(file.get("services")));
	}

	/**
	 * Checks the file against the step.
	 * @param step the step from the manifest
	 * @param imageVersion the version the step's images are tagged with
	 * @return one sentence per problem, empty when there is none
	 */
	List<String> problems(Step step, String imageVersion) {
		List<String> problems = new ArrayList<>();
		if (step.infra().postgres()) {
			checkServer("postgres", problems);
		}
		if (step.infra().kafka()) {
			checkServer("kafka", problems);
		}
		for (App app : step.apps()) {
			Map<String, Object> service = service(app.name());
			if (service == null) {
				problems.add("no service " + app.name() + ": every app of the step runs in compose");
				continue;
			}
			checkImage(app, service, imageVersion, problems);
			checkReadiness(app, service, problems);
			checkMemoryLimit(app.name(), service, problems);
			Map<String, Object> environment = map(service.get("environment"));
			if (app.database() != null) {
				String url = "jdbc:postgresql://postgres:5432/" + app.database();
				if (!url.equals(environment.get("SPRING_DATASOURCE_URL"))) {
					problems.add(app.name() + ": SPRING_DATASOURCE_URL is " + environment.get("SPRING_DATASOURCE_URL")
							+ ", not " + url);
				}
				checkWaitsFor(app.name(), service, "postgres", problems);
			}
			if (step.infra().kafka() && app.database() != null) {
				checkWaitsFor(app.name(), service, "kafka", problems);
			}
			app.calls().forEach((callee, property) -> {
				checkWaitsFor(app.name(), service, callee, problems);
				if (App.BY_NAME.equals(property)) {
					return; // found in the registry: no URL to give
				}
				String variable = property.toUpperCase().replace('.', '_').replace('-', '_');
				String url = step.app(callee).map((called) -> "http://" + callee + ":" + called.port()).orElse(null);
				if (!Objects.equals(url, environment.get(variable))) {
					problems.add(app.name() + ": " + variable + " is " + environment.get(variable) + ", not " + url);
				}
			});
		}
		return problems;
	}

	private void checkServer(String name, List<String> problems) {
		Map<String, Object> server = service(name);
		if (server == null) {
			problems.add("no service " + name + ": the step needs it");
			return;
		}
		if (!(server.get("healthcheck") instanceof Map<?, ?>)) {
			problems.add(name + " has no healthcheck: nothing can wait until it is ready");
		}
		checkMemoryLimit(name, server, problems);
	}

	private void checkImage(App app, Map<String, Object> service, String version, List<String> problems) {
		String module = app.module().substring(app.module().lastIndexOf('/') + 1);
		String image = "shop/step-4-" + module + ":" + version;
		if (!image.equals(service.get("image"))) {
			problems.add(app.name() + ": image is " + service.get("image") + ", not Jib's " + image);
		}
	}

	/**
	 * A service counts as healthy when its own readiness endpoint answers UP: the check
	 * must ask the app's port and the path the manifest gives.
	 */
	private void checkReadiness(App app, Map<String, Object> service, List<String> problems) {
		Map<String, Object> healthcheck = map(service.get("healthcheck"));
		String test = String.valueOf(healthcheck.get("test"));
		if (!test.contains("/dev/tcp/127.0.0.1/" + app.port() + " ") || !test.contains("GET " + app.health() + " ")) {
			problems.add(app.name() + ": its healthcheck does not ask GET " + app.health() + " on port " + app.port());
		}
	}

	private void checkMemoryLimit(String name, Map<String, Object> service, List<String> problems) {
		Object memory = map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory");
		if (memory == null) {
			problems.add(name + " has no memory limit (deploy.resources.limits.memory)");
		}
	}

	private void checkWaitsFor(String name, Map<String, Object> service, String dependency, List<String> problems) {
		Object condition = map(map(service.get("depends_on")).get(dependency)).get("condition");
		if (!CONDITION_HEALTHY.equals(condition)) {
			problems.add(name + " does not wait until " + dependency + " is healthy (depends_on " + dependency
					+ ": condition: " + CONDITION_HEALTHY + ")");
		}
	}

	private Map<String, Object> service(String name) {
		Object service = this.services.get(name);
		return (service instanceof Map<?, ?>) ? map(service) : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

}
