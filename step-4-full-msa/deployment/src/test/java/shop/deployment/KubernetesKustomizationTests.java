package shop.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kustomizations under {@code step-4-full-msa/k8s} build what they mean to: every
 * file they name is there, the overlay's images, replica counts and patches name what the
 * base defines, and every generated ConfigMap and Secret is read by a pod, and the other
 * way round. The tests that break a file in memory prove that the checks can fail.
 */
class KubernetesKustomizationTests {

	private static final Path K8S = Path.of(System.getProperty("workshop.root", "../.."))
		.resolve("step-4-full-msa/k8s");

	private static final String BASE = "base/kustomization.yaml";

	private static final String LOCAL = "overlays/local/kustomization.yaml";

	/** The config server's files, outside the folder: {@code step-4-full-msa/config}. */
	private static final String CONFIG = "../config/kustomization.yaml";

	private KubernetesManifests manifests;

	@BeforeEach
	void readManifests() throws IOException {
		this.manifests = KubernetesManifests.read(K8S);
	}

	@Test
	void namesOnlyFilesAndResourcesThatExist() {
		assertThat(this.manifests.kustomizations()).containsKeys(BASE, LOCAL);
		assertThat(KubernetesKustomizationRules.problems(this.manifests)).isEmpty();
	}

	@Test
	void findsAResourceFileThatIsNotThere() {
		KubernetesManifests broken = this.manifests.withChange(BASE, "- gateway.yaml", "- gateways.yaml");
		assertThat(KubernetesKustomizationRules.problems(broken)).contains(BASE
				+ ": resources names gateways.yaml, which is neither a file nor a folder with a kustomization.yaml");
	}

	@Test
	void findsAnImageOverrideForAnImageNoContainerRuns() {
		// kustomize ignores an images entry that matches nothing: the pods would keep the
		// base's image
		KubernetesManifests broken = this.manifests.withChange(LOCAL, "- name: shop/step-4-gateway",
				"- name: shop/gateway");
		assertThat(KubernetesKustomizationRules.problems(broken))
			.containsExactly(LOCAL + ": images names shop/gateway, which no container runs");
	}

	@Test
	void findsAReplicaCountForAWorkloadTheBaseDoesNotDefine() {
		KubernetesManifests broken = this.manifests.withChange(LOCAL, "- name: payment-service\n    count: 1",
				"- name: payments\n    count: 1");
		assertThat(KubernetesKustomizationRules.problems(broken))
			.containsExactly(LOCAL + ": replicas names payments, which is no Deployment or StatefulSet");
	}

	@Test
	void findsAPatchForAServiceTheBaseDoesNotDefine() {
		KubernetesManifests broken = this.manifests.withChange(LOCAL, "name: gateway\n      spec:",
				"name: front-door\n      spec:");
		assertThat(KubernetesKustomizationRules.problems(broken)).containsExactly(LOCAL
				+ ": patches[0] applies to Service front-door, which the kustomization's resources do not define");
	}

	@Test
	void findsAJsonPatchPathTheTargetsDoNotHave() {
		// the patch applies to every Deployment: each one misses the path
		KubernetesManifests broken = this.manifests.withChange(LOCAL, "/resources/requests", "/resource/requests");
		assertThat(KubernetesKustomizationRules.problems(broken)).hasSize(6)
			.contains(LOCAL + ": patches[1]: Deployment catalog-service has no"
					+ " /spec/template/spec/containers/0/resource/requests");
	}

	@Test
	void findsAGeneratedConfigMapNoPodReadsAndAPodReadingOneNothingGenerates() {
		KubernetesManifests broken = this.manifests.withChange(BASE, "- name: order-service\n",
				"- name: orders-service\n");
		assertThat(KubernetesKustomizationRules.problems(broken)).containsExactly(
				BASE + ": generates ConfigMap orders-service, which no pod reads",
				"base/order-service.yaml: Deployment order-service reads ConfigMap order-service, which " + BASE
						+ " neither generates nor defines");
	}

	@Test
	void readsTheConfigServersFilesIntoAConfigMapTheRegistryMounts() throws IOException {
		// every file the config server serves, none forgotten
		try (Stream<Path> files = Files.list(K8S.resolveSibling("config"))) {
			assertThat(this.manifests.kustomizations().get(CONFIG).configMapGenerator().get(0).files())
				.containsExactlyInAnyOrderElementsOf(files.map((file) -> file.getFileName().toString())
					.filter((name) -> name.endsWith(".yml"))
					.toList());
		}

		KubernetesManifests unmounted = this.manifests.withChange("base/registry.yaml", "name: config-files",
				"name: config");
		assertThat(KubernetesKustomizationRules.problems(unmounted)).containsExactly(
				BASE + ": generates ConfigMap config-files, which no pod reads",
				"base/registry.yaml: Deployment registry reads ConfigMap config, which " + BASE
						+ " neither generates nor defines");
	}

	@Test
	void findsAGeneratedFileThatIsNotThere() {
		KubernetesManifests broken = this.manifests.withChange(CONFIG, "- payment-service.yml", "- payments.yml");
		assertThat(KubernetesKustomizationRules.problems(broken)).containsExactly(CONFIG
				+ ": ConfigMap config-files reads payments.yml, which is no file in or below the kustomization's folder");
	}

	@Test
	void findsAGeneratedFileOutsideTheKustomizationsFolder() {
		// kustomize refuses to load it (its load restrictor): the file would have to move
		KubernetesManifests broken = this.manifests.withChange(BASE, "- name: registry\n    literals:",
				"- name: registry\n    files:\n      - ../../config/application.yml\n    literals:");
		assertThat(KubernetesKustomizationRules.problems(broken)).containsExactly(BASE + ": ConfigMap registry reads"
				+ " ../../config/application.yml, which is no file in or below the kustomization's folder");
	}

	@Test
	void findsASecretReferenceNothingGenerates() {
		// PostgreSQL's password comes from the services' administrator Secret, by key
		KubernetesManifests broken = this.manifests.withChange("base/postgres.yaml",
				"name: postgres-admin\n                  key: SPRING_DATASOURCE_PASSWORD",
				"name: postgres-password\n                  key: SPRING_DATASOURCE_PASSWORD");
		assertThat(KubernetesKustomizationRules.problems(broken)).containsExactly("base/postgres.yaml: StatefulSet"
				+ " postgres reads Secret postgres-password, which " + BASE + " neither generates nor defines");
	}

}
