package shop.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code kustomization.yaml}, with the fields these manifests use. It is bound
 * strictly: a field not listed here (a misspelling, or a kustomize feature the workshop
 * does not use yet) fails the binding, as kustomize itself rejects a field it does not
 * know.
 *
 * @param apiVersion {@code kustomize.config.k8s.io/v1beta1}
 * @param kind {@code Kustomization}
 * @param namespace the namespace every resource is put in, or null
 * @param resources files and folders (with a kustomization of their own), relative to
 * this file's folder, or null
 * @param patches the patches, or null
 * @param images the image overrides, or null
 * @param replicas the replica counts, or null
 * @param configMapGenerator the generated ConfigMaps, or null
 * @param secretGenerator the generated Secrets, or null
 */
record KubernetesKustomization(String apiVersion, String kind, String namespace, List<String> resources,
		List<Patch> patches, List<Image> images, List<Replicas> replicas, List<Generator> configMapGenerator,
		List<Generator> secretGenerator) {

	/**
	 * A patch: a file ({@code path}) or inline ({@code patch}), either a strategic merge
	 * patch (a partial resource) or a JSON patch (a list of operations on a
	 * {@code target}).
	 */
	record Patch(String path, String patch, Target target) {
	}

	/** The resources a patch applies to; an absent field matches any value. */
	record Target(String group, String version, String kind, String name) {
	}

	/** Replaces the name or tag of every container image named {@code name}. */
	record Image(String name, String newName, String newTag, String digest) {
	}

	/** Sets the replica count of the Deployment or StatefulSet named {@code name}. */
	record Replicas(String name, Integer count) {
	}

	/**
	 * A generated ConfigMap or Secret: {@code KEY=value} literals, and files, each a key
	 * named after the file (or {@code key=path}) whose value is the file's text; in an
	 * overlay, {@code behavior: merge} or {@code replace} changes the base's generator of
	 * that name.
	 */
	record Generator(String name, String behavior, List<String> literals, List<String> files) {

		/**
		 * Returns the literals as a map.
		 * @return key to value, in file order, never null
		 */
		Map<String, String> entries() {
			Map<String, String> entries = new LinkedHashMap<>();
			for (String literal : orEmpty(this.literals)) {
				int equals = literal.indexOf('=');
				entries.put(literal.substring(0, Math.max(equals, 0)), literal.substring(equals + 1));
			}
			return entries;
		}

	}

	/**
	 * Returns every generator, ConfigMaps and Secrets, by kind and name.
	 * @return {@code ConfigMap catalog-service} or {@code Secret shop-admin} to the
	 * generator, never null
	 */
	Map<String, Generator> generators() {
		Map<String, Generator> generators = new LinkedHashMap<>();
		orEmpty(this.configMapGenerator)
			.forEach((generator) -> generators.put("ConfigMap " + generator.name(), generator));
		orEmpty(this.secretGenerator).forEach((generator) -> generators.put("Secret " + generator.name(), generator));
		return generators;
	}

	/**
	 * Returns a list of a kustomization, empty when the field is absent.
	 * @param <T> the element type
	 * @param list a field's value, or null
	 * @return the list, never null
	 */
	static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

}
