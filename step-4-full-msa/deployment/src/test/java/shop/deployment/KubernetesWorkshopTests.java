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
 * The Kubernetes manifests run step 4 as {@code workshop.yaml} describes it, the file
 * {@code ./workshop run} starts the apps from: the same apps, ports, health paths and
 * databases, and the images Jib builds. The tests that break a file in memory prove that
 * the checks can fail.
 */
class KubernetesWorkshopTests {

	private static final Path ROOT = Path.of(System.getProperty("workshop.root", "../.."));

	private static final String VERSION = System.getProperty("shop.image.version", "1.0.0-SNAPSHOT");

	private final Step step = ManifestReader.read(ROOT.resolve("workshop.yaml")).step("step-4");

	private KubernetesManifests manifests;

	@BeforeEach
	void readManifests() throws IOException {
		this.manifests = KubernetesManifests.read(ROOT.resolve("step-4-full-msa/k8s"));
	}

	@Test
	void runsEveryAppAsTheManifestDescribesIt() {
		assertThat(this.step.apps()).extracting((app) -> app.name())
			.containsExactly("registry", "catalog-service", "inventory-service", "payment-service", "order-service",
					"gateway");
		assertThat(KubernetesWorkshopRules.problems(this.manifests, this.step, VERSION)).isEmpty();
	}

	@Test
	void findsAContainerPortOtherThanTheManifests() {
		KubernetesManifests broken = this.manifests.withChange("base/catalog-service.yaml", "containerPort: 8082",
				"containerPort: 8092");
		assertThat(problems(broken))
			.containsExactly("catalog-service: container port http is 8092, not workshop.yaml's 8082");
	}

	@Test
	void findsAServicePortOtherThanTheManifests() {
		KubernetesManifests broken = this.manifests.withChange("base/inventory-service.yaml",
				"port: 8083\n      targetPort: http", "port: 80\n      targetPort: http");
		assertThat(problems(broken)).containsExactly("inventory-service: its Service has no port 8083");
	}

	@Test
	void findsAnAppWithoutAReadinessProbe() {
		// without it a starting pod gets traffic at once, and a broken one keeps getting
		// it
		KubernetesManifests broken = this.manifests.withoutField("base/order-service.yaml", "readinessProbe");
		assertThat(problems(broken))
			.containsExactly("order-service: has no readinessProbe asking GET /actuator/health/readiness");
	}

	@Test
	void findsALivenessProbeOnTheReadinessPath() {
		// readiness follows the database and the broker: as liveness it would restart
		// every pod when they are down
		KubernetesManifests broken = this.manifests.withChange("base/payment-service.yaml",
				"livenessProbe:                      # restarted when it is broken, not when a dependency is down\n"
						+ "            httpGet:\n              path: /actuator/health/liveness",
				"livenessProbe:\n            httpGet:\n              path: /actuator/health/readiness");
		assertThat(problems(broken)).containsExactly("payment-service: livenessProbe asks /actuator/health/readiness"
				+ " on port http, not /actuator/health/liveness on http (8084)");
	}

	@Test
	void findsAServiceOnAnotherServicesDatabase() {
		KubernetesManifests broken = this.manifests.withChange("base/kustomization.yaml", "5432/payments",
				"5432/orders");
		assertThat(problems(broken)).containsExactly("payment-service: SPRING_DATASOURCE_URL is"
				+ " jdbc:postgresql://postgres:5432/orders, not jdbc:postgresql://postgres:5432/payments");
	}

	@Test
	void findsAGatewayCallingTheRegistryOnTheWrongPort() {
		KubernetesManifests broken = this.manifests.withChange("base/kustomization.yaml",
				"SHOP_REGISTRY_URL=http://registry:8761\n      - WORKSHOP_INFRA",
				"SHOP_REGISTRY_URL=http://registry:8080\n      - WORKSHOP_INFRA");
		assertThat(problems(broken))
			.containsExactly("gateway: SHOP_REGISTRY_URL is http://registry:8080, not http://registry:8761");
	}

	@Test
	void findsAContainerWithoutAMemoryLimit() {
		KubernetesManifests broken = this.manifests.withChange("base/gateway.yaml",
				"cpu: 500m\n              memory: 256Mi", "cpu: 500m");
		assertThat(problems(broken)).containsExactly("gateway: resources.limits has no memory");
	}

	@Test
	void findsAContainerThatMayGainPrivileges() {
		KubernetesManifests broken = this.manifests.withChange("base/gateway.yaml", "allowPrivilegeEscalation: false",
				"allowPrivilegeEscalation: true");
		assertThat(problems(broken)).containsExactly("gateway: allowPrivilegeEscalation must be false");
	}

	@Test
	void findsADatabaseThatPostgresDoesNotCreate() {
		KubernetesManifests broken = this.manifests.withChange("base/postgres.yaml", "    create database payments;\n",
				"");
		assertThat(problems(broken))
			.containsExactly("postgres: the ConfigMap postgres-init does not create database payments");
	}

	private List<String> problems(KubernetesManifests manifests) {
		return KubernetesWorkshopRules.problems(manifests, this.step, VERSION);
	}

}
