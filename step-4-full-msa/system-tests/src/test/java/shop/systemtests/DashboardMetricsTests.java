package shop.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.control.PrometheusText;
import workshop.contract.ShopClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard kept in the repository ({@code compose/grafana/dashboards}) draws
 * only metrics the running apps export: a renamed metric would leave an empty panel that
 * no one notices until the workshop.
 */
class DashboardMetricsTests {

	/**
	 * A metric name in a PromQL query: words joined by underscores, not a function call.
	 */
	private static final Pattern METRIC = Pattern.compile("\\b([a-z]+(?:_[a-z]+)+)\\b(?![(])");

	private final RunningShop running = RunningShop.get();

	@Test
	void everyMetricOfTheDashboardIsExportedByAnApp() throws IOException {
		Set<String> exported = this.running.step()
			.session()
			.step()
			.apps()
			.stream()
			.flatMap((app) -> PrometheusText
				.parse(new ShopClient(this.running.url(app.name())).get("/actuator/prometheus").body())
				.stream())
			.map(PrometheusText.Sample::name)
			.collect(Collectors.toSet());

		assertThat(dashboardMetrics()).isNotEmpty()
			.allSatisfy((metric) -> assertThat(exported).as(metric).contains(metric));
	}

	private static Set<String> dashboardMetrics() throws IOException {
		Path root = Path.of(System.getProperty("workshop.root", "../.."));
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(Files.readString(root.resolve("step-4-full-msa/compose/grafana/dashboards/shop.json")));
		Set<String> metrics = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				// Labels (in by (...) and {...}) are no metrics.
				String query = target.path("expr").asString().replaceAll("by \\([^)]*\\)|\\{[^}]*\\}", "");
				Matcher matcher = METRIC.matcher(query);
				while (matcher.find()) {
					metrics.add(matcher.group(1));
				}
			}
		}
		return metrics;
	}

}
