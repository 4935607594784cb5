package shop.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.cli.manifest.ManifestReader;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order service's pod, as Kubernetes would run it from
 * {@code step-4-full-msa/k8s/base/order-service.yaml}: the manifest read against
 * fabric8's model and checked by the step's own rules, the order service's part only.
 */
class OrderServiceProbesTests {

	private static final Path ROOT = Path.of(System.getProperty("workshop.root", "../.."));

	private final Step step = ManifestReader.read(ROOT.resolve("workshop.yaml")).step("step-4");

	private List<String> problems;

	@BeforeEach
	void checkTheManifests() throws IOException {
		KubernetesManifests manifests = KubernetesManifests.read(ROOT.resolve("step-4-full-msa/k8s"));
		assertThat(manifests.modelProblems()).as("fields Kubernetes does not know").isEmpty();
		this.problems = KubernetesWorkshopRules.problems(manifests, this.step, "1.0.0-SNAPSHOT")
			.stream()
			.filter((problem) -> problem.startsWith("order-service: "))
			.toList();
	}

	@Test
	void getsTrafficOnlyWhenReady() {
		assertThat(this.problems).noneMatch((problem) -> problem.contains("readinessProbe"));
	}

	@Test
	void isRestartedOnlyWhenBroken() {
		assertThat(this.problems).noneMatch((problem) -> problem.contains("livenessProbe"));
	}

	@Test
	void mayTakeItsTimeToStart() {
		assertThat(this.problems).noneMatch((problem) -> problem.contains("startupProbe"));
	}

}
