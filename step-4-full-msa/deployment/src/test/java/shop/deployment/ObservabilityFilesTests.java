package shop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import workshop.cli.manifest.App;
import workshop.cli.manifest.ManifestReader;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in Prometheus, Grafana and Jaeger of step 4 in containers
 * ({@code compose.observability.yaml}) watch every app the manifest lists. Whether the
 * dashboard's metrics exist is checked against the running apps, by the step's system
 * tests ({@code DashboardMetricsTests}).
 */
class ObservabilityFilesTests {

	private static final Path STEP = Path.of(System.getProperty("workshop.root", "../..")).resolve("step-4-full-msa");

	private final Step step = ManifestReader.read(STEP.resolveSibling("workshop.yaml")).step("step-4");

	@Test
	void watchesEveryAppOfTheStep() throws IOException {
		assertThat(files().problems(this.step, ObservabilityFilesTests::traced)).isEmpty();
	}

	@Test
	void findsAnAppWhoseSpansGoNowhere() throws IOException {
		ObservabilityFiles files = files();
		String broken = files.overlay().replace("  payment-service:\n    environment: *traced\n", "");
		assertThat(new ObservabilityFiles(broken, files.prometheus(), files.datasources(), files.dashboard())
			.problems(this.step, ObservabilityFilesTests::traced))
			.containsExactly("payment-service sends its spans to null, not " + ObservabilityFiles.JAEGER_OTLP);
	}

	@Test
	void findsAnAppPrometheusDoesNotScrape() throws IOException {
		ObservabilityFiles files = files();
		String broken = files.prometheus().replace("order-service:8081", "order-service:8080");
		assertThat(new ObservabilityFiles(files.overlay(), broken, files.datasources(), files.dashboard())
			.problems(this.step, ObservabilityFilesTests::traced))
			.containsExactly("Prometheus does not scrape order-service:8081");
	}

	@Test
	void findsAPanelWithoutItsDataSource() throws IOException {
		ObservabilityFiles files = files();
		String broken = files.dashboard().replaceFirst("\"uid\": \"prometheus\"", "\"uid\": \"prom\"");
		assertThat(new ObservabilityFiles(files.overlay(), files.prometheus(), files.datasources(), broken)
			.problems(this.step, ObservabilityFilesTests::traced)).containsExactly(
					"panel 'Requests per second, by app' draws from data source prom, which Grafana is not given");
	}

	/** An app makes spans when its module has Boot's OpenTelemetry starter. */
	static boolean traced(App app) {
		try {
			return Files.readString(STEP.resolveSibling(app.module()).resolve("pom.xml"))
				.contains("<artifactId>spring-boot-starter-opentelemetry</artifactId>");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ObservabilityFiles files() throws IOException {
		return new ObservabilityFiles(Files.readString(STEP.resolve("compose.observability.yaml")),
				Files.readString(STEP.resolve("compose/prometheus.yml")),
				Files.readString(STEP.resolve("compose/grafana/provisioning/datasources/datasources.yaml")),
				Files.readString(STEP.resolve("compose/grafana/dashboards/shop.json")));
	}

}
