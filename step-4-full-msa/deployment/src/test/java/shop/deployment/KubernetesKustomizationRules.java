package shop.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import shop.deployment.KubernetesKustomization.Generator;
import shop.deployment.KubernetesKustomization.Patch;
import shop.deployment.KubernetesManifests.Resource;

import static shop.deployment.KubernetesKustomization.orEmpty;

/**
 * What kustomize would refuse, or build without a word and leave broken: a resource or
 * patch that is not there, an overlay naming an image, workload or patch target that its
 * resources do not define, a generated ConfigMap or Secret no pod reads, a pod reading
 * one that nothing generates.
 */
final class KubernetesKustomizationRules {

	private static final String KUSTOMIZATION = "kustomization.yaml";

	private static final Set<String> JSON_PATCH_OPERATIONS = Set.of("add", "remove", "replace", "move", "copy", "test");

	private KubernetesKustomizationRules() {
	}

	/**
	 * Checks every kustomization of the manifests.
	 * @param manifests the manifests
	 * @return one message per problem, each naming the kustomization file; empty when all
	 * is well
	 */
	static List<String> problems(KubernetesManifests manifests) {
		List<String> problems = new ArrayList<>();
		manifests.kustomizations().forEach((file, kustomization) -> check(manifests, file, kustomization, problems));
		return problems;
	}

	private static void check(KubernetesManifests manifests, String file, KubernetesKustomization kustomization,
			List<String> problems) {
		if (!"kustomize.config.k8s.io/v1beta1".equals(kustomization.apiVersion())) {
			problems
				.add(file + ": apiVersion is " + kustomization.apiVersion() + ", not kustomize.config.k8s.io/v1beta1");
		}
		for (String entry : orEmpty(kustomization.resources())) {
			if (resolve(manifests, folderOf(file), entry) == null) {
				problems.add(file + ": resources names " + entry
						+ ", which is neither a file nor a folder with a kustomization.yaml");
			}
		}
		Scope scope = new Scope();
		scope.collect(manifests, file);
		checkPatches(manifests, file, kustomization, scope, problems);
		checkImagesAndReplicas(file, kustomization, scope, problems);
		checkGenerators(manifests, file, kustomization, scope, problems);
	}

	/**
	 * Every patch is there and applies to a resource the kustomization builds, at a path
	 * that exists.
	 */
	private static void checkPatches(KubernetesManifests manifests, String file, KubernetesKustomization kustomization,
			Scope scope, List<String> problems) {
		List<Patch> patches = orEmpty(kustomization.patches());
		for (int i = 0; i < patches.size(); i++) {
			Patch patch = patches.get(i);
			String where = file + ": patches[" + i + "]";
			JsonNode document = patchDocument(manifests, folderOf(file), patch);
			if (document == null) {
				problems.add(where + " names no file that exists and holds no YAML patch");
				continue;
			}
			String kind = (patch.target() != null) ? patch.target().kind() : document.path("kind").asString(null);
			String name = (patch.target() != null) ? patch.target().name()
					: document.path("metadata").path("name").asString(null);
			List<Resource> targets = scope.resources.stream()
				.filter((resource) -> kind == null || kind.equals(resource.kind()))
				.filter((resource) -> name == null || name.equals(resource.name()))
				.toList();
			if (targets.isEmpty()) {
				problems.add(where + " applies to " + kind + " " + ((name != null) ? name : "(any name)")
						+ ", which the kustomization's resources do not define");
			}
			if (document.isArray()) {
				checkJsonPatch(where, document, targets, problems);
			}
		}
	}

	/**
	 * Every operation is one JSON patch knows, at a path each target has (an add: whose
	 * parent it has).
	 */
	private static void checkJsonPatch(String where, JsonNode operations, List<Resource> targets,
			List<String> problems) {
		for (JsonNode operation : operations) {
			String op = operation.path("op").asString();
			String path = operation.path("path").asString();
			if (!JSON_PATCH_OPERATIONS.contains(op)) {
				problems.add(where + ": '" + op + "' is no JSON patch operation");
				continue;
			}
			String mustExist = op.equals("add") ? path.substring(0, Math.max(path.lastIndexOf('/'), 0)) : path;
			for (Resource target : targets) {
				if (!path.startsWith("/") || target.tree().at(JsonPointer.compile(mustExist)).isMissingNode()) {
					problems.add(where + ": " + target.kind() + " " + target.name() + " has no " + mustExist);
				}
			}
		}
	}

	/**
	 * An image override or a replica count names what the kustomization's resources run.
	 */
	private static void checkImagesAndReplicas(String file, KubernetesKustomization kustomization, Scope scope,
			List<String> problems) {
		Set<String> images = new TreeSet<>();
		Set<String> workloads = new TreeSet<>();
		for (Resource resource : scope.resources) {
			if (resource.podSpec() != null) {
				workloads.add(resource.name());
				containersOf(resource.podSpec()).forEach((container) -> images.add(withoutTag(container.getImage())));
			}
		}
		for (KubernetesKustomization.Image image : orEmpty(kustomization.images())) {
			if (!images.contains(image.name())) {
				problems.add(file + ": images names " + image.name() + ", which no container runs");
			}
		}
		for (KubernetesKustomization.Replicas replicas : orEmpty(kustomization.replicas())) {
			if (!workloads.contains(replicas.name())) {
				problems.add(file + ": replicas names " + replicas.name() + ", which is no Deployment or StatefulSet");
			}
		}
	}

	/**
	 * Every generated ConfigMap and Secret is read by a pod, and every ConfigMap and
	 * Secret a pod of this kustomization's own files reads is generated or defined.
	 */
	private static void checkGenerators(KubernetesManifests manifests, String file,
			KubernetesKustomization kustomization, Scope scope, List<String> problems) {
		Set<String> read = new TreeSet<>();
		scope.resources.stream()
			.filter((resource) -> resource.podSpec() != null)
			.forEach((resource) -> read.addAll(configurationReadBy(resource.podSpec())));
		kustomization.generators().forEach((generated, generator) -> {
			orEmpty(generator.literals()).stream()
				.filter((literal) -> literal.indexOf('=') < 1)
				.forEach((literal) -> problems.add(file + ": " + generated + " has '" + literal + "', not KEY=value"));
			for (String entry : orEmpty(generator.files())) {
				String path = normalize(folderOf(file), entry.substring(entry.indexOf('=') + 1));
				if (!manifests.has(path) || !(folderOf(file).isEmpty() || path.startsWith(folderOf(file) + "/"))) {
					problems.add(file + ": " + generated + " reads " + entry
							+ ", which is no file in or below the kustomization's folder");
				}
			}
		});
		for (Map.Entry<String, Generator> generated : generatorsToBeRead(manifests, file, kustomization, scope)
			.entrySet()) {
			if (!read.contains(generated.getKey())) {
				problems.add(file + ": generates " + generated.getKey() + ", which no pod reads");
			}
		}
		Set<String> defined = new HashSet<>(scope.generators.keySet());
		scope.resources.forEach((resource) -> defined.add(resource.kind() + " " + resource.name()));
		for (String entry : orEmpty(kustomization.resources())) {
			String path = resolve(manifests, folderOf(file), entry);
			if (path == null || manifests.kustomizations().containsKey(path)) {
				continue; // a folder: its own kustomization checks its files
			}
			for (Resource resource : manifests.resourcesOf(path)) {
				if (resource.podSpec() != null) {
					configurationReadBy(resource.podSpec()).stream()
						.filter((used) -> !defined.contains(used))
						.forEach((used) -> problems.add(path + ": " + resource.kind() + " " + resource.name()
								+ " reads " + used + ", which " + file + " neither generates nor defines"));
				}
			}
		}
	}

	/**
	 * Returns the generators whose ConfigMaps and Secrets the pods of a kustomization
	 * must read: its own, and those of each folder it names that holds settings only (no
	 * workload of its own to read them). A kustomization of settings only is left to the
	 * one that names it.
	 */
	private static Map<String, Generator> generatorsToBeRead(KubernetesManifests manifests, String file,
			KubernetesKustomization kustomization, Scope scope) {
		if (scope.resources.stream().noneMatch((resource) -> resource.podSpec() != null)) {
			return Map.of();
		}
		Map<String, Generator> generators = new LinkedHashMap<>(kustomization.generators());
		for (String entry : orEmpty(kustomization.resources())) {
			String path = resolve(manifests, folderOf(file), entry);
			if (path != null && manifests.kustomizations().containsKey(path)) {
				Scope folder = new Scope();
				folder.collect(manifests, path);
				if (folder.resources.stream().noneMatch((resource) -> resource.podSpec() != null)) {
					generators.putAll(folder.generators);
				}
			}
		}
		return generators;
	}

	/**
	 * Returns the ConfigMaps and Secrets a pod reads: through {@code envFrom},
	 * {@code env[].valueFrom} and volumes.
	 * @param pod the pod
	 * @return {@code ConfigMap name} and {@code Secret name}, never null
	 */
	static Set<String> configurationReadBy(PodSpec pod) {
		Set<String> read = new TreeSet<>();
		for (Container container : containersOf(pod)) {
			for (EnvFromSource source : container.getEnvFrom()) {
				if (source.getConfigMapRef() != null) {
					read.add("ConfigMap " + source.getConfigMapRef().getName());
				}
				if (source.getSecretRef() != null) {
					read.add("Secret " + source.getSecretRef().getName());
				}
			}
			container.getEnv().stream().map((variable) -> variable.getValueFrom()).forEach((EnvVarSource from) -> {
				if (from != null && from.getConfigMapKeyRef() != null) {
					read.add("ConfigMap " + from.getConfigMapKeyRef().getName());
				}
				if (from != null && from.getSecretKeyRef() != null) {
					read.add("Secret " + from.getSecretKeyRef().getName());
				}
			});
		}
		for (Volume volume : pod.getVolumes()) {
			if (volume.getConfigMap() != null) {
				read.add("ConfigMap " + volume.getConfigMap().getName());
			}
			if (volume.getSecret() != null) {
				read.add("Secret " + volume.getSecret().getSecretName());
			}
		}
		return read;
	}

	private static List<Container> containersOf(PodSpec pod) {
		List<Container> containers = new ArrayList<>(pod.getInitContainers());
		containers.addAll(pod.getContainers());
		return containers;
	}

	/**
	 * {@code shop/gateway:1.0} and {@code shop/gateway@sha256:...} are both
	 * {@code shop/gateway}.
	 */
	private static String withoutTag(String image) {
		String name = (image.indexOf('@') >= 0) ? image.substring(0, image.indexOf('@')) : image;
		int colon = name.lastIndexOf(':');
		return (colon > name.lastIndexOf('/')) ? name.substring(0, colon) : name;
	}

	/** The patch's YAML: the inline text, or the file it names. */
	private static JsonNode patchDocument(KubernetesManifests manifests, String folder, Patch patch) {
		String text = (patch.patch() != null) ? patch.patch()
				: (patch.path() != null) ? manifests.text(normalize(folder, patch.path())) : null;
		try {
			return (text != null) ? KubernetesModel.YAML.readTree(text) : null;
		}
		catch (JacksonException ex) {
			return null; // the model problems name the YAML error
		}
	}

	/**
	 * Resolves an entry of {@code resources}.
	 * @return the file it names, or the kustomization of the folder it names, or null
	 * when it names neither
	 */
	private static String resolve(KubernetesManifests manifests, String folder, String entry) {
		String path = normalize(folder, entry);
		if (manifests.has(path)) {
			return path;
		}
		String kustomization = path.isEmpty() ? KUSTOMIZATION : path + "/" + KUSTOMIZATION;
		return manifests.has(kustomization) ? kustomization : null;
	}

	private static String normalize(String folder, String entry) {
		return Path.of(folder).resolve(entry).normalize().toString().replace('\\', '/');
	}

	private static String folderOf(String file) {
		return (file.lastIndexOf('/') >= 0) ? file.substring(0, file.lastIndexOf('/')) : "";
	}

	/**
	 * The resources and generators a kustomization builds from: its own and its folders'.
	 */
	private static final class Scope {

		private final List<Resource> resources = new ArrayList<>();

		private final Map<String, Generator> generators = new LinkedHashMap<>();

		private final Set<String> visited = new HashSet<>();

		void collect(KubernetesManifests manifests, String kustomizationFile) {
			KubernetesKustomization kustomization = manifests.kustomizations().get(kustomizationFile);
			if (kustomization == null || !this.visited.add(kustomizationFile)) {
				return;
			}
			this.generators.putAll(kustomization.generators());
			for (String entry : orEmpty(kustomization.resources())) {
				String path = resolve(manifests, folderOf(kustomizationFile), entry);
				if (path != null && manifests.kustomizations().containsKey(path)) {
					collect(manifests, path);
				}
				else if (path != null) {
					this.resources.addAll(manifests.resourcesOf(path));
				}
			}
		}

	}

}
