package shop.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.manifest.App;
import workshop.cli.manifest.Step;

/**
 * The opt-in observability of step 4 in containers, checked against
 * {@code workshop.yaml}: {@code compose.observability.yaml} points every app's span
 * exporter at Jaeger, with a memory limit on what it adds; Prometheus
 * ({@code compose/prometheus.yml}) scrapes every app on its port and path; every panel of
 * the dashboard in the repository draws from a data source Grafana is given.
 *
 * @param overlay the text of {@code compose.observability.yaml}
 * @param prometheus the text of {@code compose/prometheus.yml}
 * @param datasources the text of Grafana's data source provisioning
 * @param dashboard the dashboard's JSON
 */
record ObservabilityFiles(String overlay, String prometheus, String datasources, String dashboard) {

	/** The span endpoint of the Jaeger container: OTLP over HTTP. */
	static final String JAEGER_OTLP = "http://jaeger:4318/v1/traces";

	/**
	 * Checks the files against the step.
	 * @param step the step from the manifest
	 * @param traced which apps make spans (the registry makes none: it would trace every
	 * lease renewal)
	 * @return one sentence per problem, empty when there is none
	 */
	List<String> problems(Step step, Predicate<App> traced) {
		List<String> problems = new ArrayList<>();
		Map<String, Object> services = map(yaml(this.overlay).get("services"));
		for (App app : step.apps().stream().filter(traced).toList()) {
			Object endpoint = map(map(services.get(app.name())).get("environment"))
				.get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
			if (!JAEGER_OTLP.equals(endpoint)) {
				problems.add(app.name() + " sends its spans to " + endpoint + ", not " + JAEGER_OTLP);
			}
		}
		for (String added : List.of("prometheus", "grafana", "jaeger")) {
			Map<String, Object> limits = map(
					map(map(map(services.get(added)).get("deploy")).get("resources")).get("limits"));
			if (!services.containsKey(added) || limits.get("memory") == null) {
				problems.add(added + " is missing or has no memory limit (deploy.resources.limits.memory)");
			}
		}
		checkScrapes(step, problems);
		checkDashboard(problems);
		return problems;
	}

	private void checkScrapes(Step step, List<String> problems) {
		List<Object> jobs = list(yaml(this.prometheus).get("scrape_configs"));
		Map<String, Object> job = jobs.isEmpty() ? Map.of() : map(jobs.get(0));
		if (!"/actuator/prometheus".equals(job.get("metrics_path"))) {
			problems.add("Prometheus scrapes " + job.get("metrics_path") + ", not /actuator/prometheus");
		}
		Set<Object> targets = list(job.get("static_configs")).stream()
			.flatMap((config) -> list(map(config).get("targets")).stream())
			.collect(Collectors.toSet());
		for (App app : step.apps()) {
			if (!targets.contains(app.name() + ":" + app.port())) {
				problems.add("Prometheus does not scrape " + app.name() + ":" + app.port());
			}
		}
	}

	private void checkDashboard(List<String> problems) {
		Set<Object> uids = list(yaml(this.datasources).get("datasources")).stream()
			.map((source) -> map(source).get("uid"))
			.collect(Collectors.toSet());
		for (JsonNode panel : JsonMapper.builder().build().readTree(this.dashboard).path("panels")) {
			String title = panel.path("title").asString();
			String uid = panel.path("datasource").path("uid").asString();
			if (!uids.contains(uid)) {
				problems.add("panel '" + title + "' draws from data source " + uid + ", which Grafana is not given");
			}
			if (panel.path("targets").isEmpty() || panel.path("targets").get(0).path("expr").asString().isBlank()) {
				problems.add("panel '" + title + "' has no query");
			}
		}
	}

	private static Map<String, Object> yaml(String text) {
		Map<String, Object> file = new Yaml().load(text);
		return (file != null) ? file : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value instanceof Map<?, ?>) ? (Map<String, Object>) value : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value) {
		return (value instanceof List<?>) ? (List<Object>) value : List.of();
	}

}
