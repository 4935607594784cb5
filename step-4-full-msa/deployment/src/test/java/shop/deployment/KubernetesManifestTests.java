package shop.deployment;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.deployment.KubernetesManifests.Resource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document under {@code step-4-full-msa/k8s} is one the API server would accept: it
 * binds to fabric8's model of its kind, with no field the kind does not have and no value
 * of the wrong type. The tests that break a file in memory prove that the check can fail.
 */
class KubernetesManifestTests {

	private static final Path K8S = Path.of(System.getProperty("workshop.root", "../.."))
		.resolve("step-4-full-msa/k8s");

	private KubernetesManifests manifests;

	@BeforeEach
	void readManifests() throws IOException {
		this.manifests = KubernetesManifests.read(K8S);
	}

	@Test
	void bindsEveryDocumentToTheModelOfItsKind() {
		assertThat(this.manifests.modelProblems()).isEmpty();
		assertThat(this.manifests.resources()).extracting(Resource::kind)
			.contains("Deployment", "StatefulSet", "Service", "ConfigMap", "Namespace");
		assertThat(this.manifests.kustomizations()).containsOnlyKeys("base/kustomization.yaml",
				"overlays/local/kustomization.yaml", "../config/kustomization.yaml");
	}

	@Test
	void findsAMisspeltField() {
		// fabric8 keeps an unknown field aside instead of failing; the model check walks
		// every object for them
		KubernetesManifests broken = this.manifests.withChange("base/catalog-service.yaml", "readinessProbe:",
				"readinesProbe:");
		assertThat(broken.modelProblems()).containsExactly("base/catalog-service.yaml (document 1, Deployment"
				+ " catalog-service): spec.template.spec.containers[0].readinesProbe is no field of Container");
	}

	@Test
	void findsAStringWhereTheModelWantsANumber() {
		// Jackson would read "1" as 1; the API server does not
		KubernetesManifests broken = this.manifests.withChange("base/catalog-service.yaml", "replicas: 1 ",
				"replicas: \"1\" ");
		assertThat(broken.modelProblems()).containsExactly(
				"base/catalog-service.yaml (document 1, Deployment catalog-service): spec.replicas must be a number");
	}

	@Test
	void findsANumberWhereTheModelWantsAString() {
		// an environment variable's value is a string: 1 unquoted is rejected by the API
		// server
		KubernetesManifests broken = this.manifests.withChange("base/kafka.yaml",
				"KAFKA_NODE_ID\n              value: \"1\"", "KAFKA_NODE_ID\n              value: 1");
		assertThat(broken.modelProblems()).containsExactly("base/kafka.yaml (document 1, StatefulSet kafka):"
				+ " spec.template.spec.containers[0].env[1].value must be a string (quote it)");
	}

	@Test
	void findsAQuantityThatIsNone() {
		// fabric8 keeps any text as a quantity; the API server would refuse it
		KubernetesManifests broken = this.manifests.withChange("base/gateway.yaml", "cpu: 500m", "cpu: half");
		assertThat(broken.modelProblems()).containsExactly("base/gateway.yaml (document 1, Deployment gateway):"
				+ " spec.template.spec.containers[0].resources.limits.cpu must be a quantity such as 512Mi or 250m, not half");
	}

	@Test
	void findsAKindWithoutAModel() {
		KubernetesManifests broken = this.manifests.withChange("base/gateway.yaml", "kind: Service", "kind: Servce");
		assertThat(broken.modelProblems()).containsExactly("base/gateway.yaml (document 2, Servce gateway):"
				+ " v1/Servce is no kind these manifests know (KubernetesModel.CLASSES)");
	}

	@Test
	void findsAMisspeltFieldInAnInlinePatch() {
		// a strategic merge patch is a partial resource: the same model checks it
		KubernetesManifests broken = this.manifests.withChange("overlays/local/kustomization.yaml", "nodePort: 30080",
				"nodeport: 30080");
		assertThat(broken.modelProblems()).containsExactly("overlays/local/kustomization.yaml (patches[0], Service"
				+ " gateway): spec.ports[0].nodeport is no field of ServicePort");
	}

	@Test
	void findsAKustomizationFieldKustomizeDoesNotKnow() {
		KubernetesManifests broken = this.manifests.withChange("overlays/local/kustomization.yaml", "replicas:\n",
				"replica:\n");
		assertThat(broken.modelProblems())
			.containsExactly("overlays/local/kustomization.yaml: replica is no field of KubernetesKustomization");
	}

	@Test
	void findsAFieldGivenTwice() {
		// the YAML would keep the second value without a word; the API server's decoder
		// refuses it
		KubernetesManifests broken = this.manifests.withChange("base/gateway.yaml", "  replicas: 2 ",
				"  replicas: 3\n  replicas: 2 ");
		assertThat(broken.modelProblems()).singleElement()
			.asString()
			.startsWith("base/gateway.yaml line ")
			.contains("Duplicate property \"replicas\"");
	}

}
