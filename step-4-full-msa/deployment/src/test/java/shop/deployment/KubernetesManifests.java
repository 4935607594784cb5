package shop.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The YAML files of a folder such as {@code step-4-full-msa/k8s}, every document parsed:
 * Kubernetes resources bound to fabric8's model ({@link KubernetesModel}), kustomizations
 * to {@link KubernetesKustomization}, the inline patches of a kustomization bound like
 * resources. The files are kept as text, by their path relative to the folder, so that a
 * test can break one in memory ({@link #withChange}) and check again.
 */
final class KubernetesManifests {

	private static final String KUSTOMIZATION = "kustomization.yaml";

	private final Map<String, String> files;

	private final Set<String> dataFiles;

	private final List<Resource> resources = new ArrayList<>();

	private final Map<String, KubernetesKustomization> kustomizations = new TreeMap<>();

	private final List<String> problems = new ArrayList<>();

	private KubernetesManifests(Map<String, String> files, Set<String> dataFiles) {
		this.files = files;
		this.dataFiles = dataFiles;
		files.forEach((file, text) -> {
			if (!dataFiles.contains(file)) {
				parse(file, text);
			}
		});
	}

	/**
	 * Reads every {@code .yaml} and {@code .yml} file below a folder. A folder outside it
	 * that one of its kustomizations names among its resources (such as
	 * {@code ../../config}) is read too: its kustomization is parsed, its other files,
	 * which that kustomization generates from, are kept as text only.
	 * @param folder the folder, such as {@code step-4-full-msa/k8s}
	 * @return the parsed manifests, never null
	 * @throws IOException when a file cannot be read
	 */
	static KubernetesManifests read(Path folder) throws IOException {
		Path root = folder.toAbsolutePath().normalize();
		Map<String, String> files = readYaml(root, root);
		Map<String, String> withOutside = new TreeMap<>(files);
		Set<String> dataFiles = new TreeSet<>();
		for (Map.Entry<String, KubernetesKustomization> kustomization : new KubernetesManifests(files, Set.of())
			.kustomizations()
			.entrySet()) {
			Path from = root.resolve(kustomization.getKey()).getParent();
			for (String entry : KubernetesKustomization.orEmpty(kustomization.getValue().resources())) {
				Path outside = from.resolve(entry).normalize();
				if (!outside.startsWith(root) && Files.isRegularFile(outside.resolve(KUSTOMIZATION))) {
					readYaml(root, outside).forEach((file, text) -> {
						withOutside.put(file, text);
						if (!file.endsWith("/" + KUSTOMIZATION)) {
							dataFiles.add(file);
						}
					});
				}
			}
		}
		return new KubernetesManifests(withOutside, dataFiles);
	}

	/** The YAML files below a folder, by their path relative to {@code root}. */
	private static Map<String, String> readYaml(Path root, Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path file : paths.filter(KubernetesManifests::isYaml).toList()) {
				files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
			}
		}
		return files;
	}

	/**
	 * Returns these manifests with one change to one file, as a broken copy to check.
	 * @param file the file's path, such as {@code base/gateway.yaml}
	 * @param from text that occurs exactly once in the file
	 * @param to its replacement
	 * @return new manifests, never null
	 * @throws IllegalArgumentException when the file does not hold {@code from} exactly
	 * once, so that a change that misses never passes for a check that cannot fail
	 */
	KubernetesManifests withChange(String file, String from, String to) {
		String text = this.files.get(file);
		if (text == null || text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
			throw new IllegalArgumentException(file + " does not hold exactly one '" + from + "'");
		}
		Map<String, String> changed = new TreeMap<>(this.files);
		changed.put(file, text.replace(from, to));
		return new KubernetesManifests(changed, this.dataFiles);
	}

	/**
	 * Returns these manifests without one field of one file: the line that starts it and
	 * every line below it that is indented further.
	 * @param file the file's path, such as {@code base/gateway.yaml}
	 * @param field a field that exactly one line of the file starts, such as
	 * {@code readinessProbe}
	 * @return new manifests, never null
	 * @throws IllegalArgumentException when not exactly one line starts the field
	 */
	KubernetesManifests withoutField(String file, String field) {
		List<String> lines = new ArrayList<>(List.of(this.files.getOrDefault(file, "").split("\n", -1)));
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith(field + ":")) {
				starts.add(i);
			}
		}
		if (starts.size() != 1) {
			throw new IllegalArgumentException(file + " does not have exactly one line starting '" + field + ":'");
		}
		int start = starts.get(0);
		int end = start + 1;
		while (end < lines.size()
				&& (lines.get(end).isBlank() || indentOf(lines.get(end)) > indentOf(lines.get(start)))) {
			end++;
		}
		lines.subList(start, end).clear();
		Map<String, String> changed = new TreeMap<>(this.files);
		changed.put(file, String.join("\n", lines));
		return new KubernetesManifests(changed, this.dataFiles);
	}

	private static int indentOf(String line) {
		return line.length() - line.stripLeading().length();
	}

	/**
	 * Returns what does not parse or bind: YAML errors, kinds without a model class,
	 * unknown fields, values of the wrong type, kustomization fields kustomize does not
	 * know.
	 * @return one message per problem, each naming the file and document; empty when all
	 * is well
	 */
	List<String> modelProblems() {
		return List.copyOf(this.problems);
	}

	/**
	 * Says whether a file is there.
	 * @param file a path relative to the folder, with {@code /}
	 * @return true when the folder holds it
	 */
	boolean has(String file) {
		return this.files.containsKey(file);
	}

	/**
	 * Returns a file's text.
	 * @param file a path relative to the folder, with {@code /}
	 * @return the text, or null when there is no such file
	 */
	String text(String file) {
		return this.files.get(file);
	}

	/**
	 * Returns the resources that bound to the model, in file and document order.
	 * @return the resources, never null
	 */
	List<Resource> resources() {
		return List.copyOf(this.resources);
	}

	/**
	 * Returns the resources of one file.
	 * @param file a path such as {@code base/gateway.yaml}
	 * @return its resources, empty when it has none, never null
	 */
	List<Resource> resourcesOf(String file) {
		return this.resources.stream().filter((resource) -> resource.file().equals(file)).toList();
	}

	/**
	 * Returns the kustomizations, by file.
	 * @return {@code overlays/local/kustomization.yaml} to its content, never null
	 */
	Map<String, KubernetesKustomization> kustomizations() {
		return this.kustomizations;
	}

	/**
	 * Finds a resource by kind and name in any file.
	 * @param <T> the model class
	 * @param type the model class, such as {@code Deployment.class}
	 * @param name the resource's {@code metadata.name}
	 * @return the first such resource, or empty
	 */
	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return this.resources.stream()
			.map(Resource::model)
			.filter(type::isInstance)
			.map(type::cast)
			.filter((resource) -> name.equals(resource.getMetadata().getName()))
			.findFirst();
	}

	private void parse(String file, String text) {
		List<JsonNode> documents;
		try {
			documents = KubernetesModel.YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll();
		}
		catch (JacksonException ex) {
			String line = (ex.getLocation() != null) ? " line " + ex.getLocation().getLineNr() : "";
			this.problems.add(file + line + ": " + ex.getOriginalMessage());
			return;
		}
		for (int i = 0; i < documents.size(); i++) {
			JsonNode document = documents.get(i);
			String where = file + " (document " + (i + 1) + ", " + document.path("kind").asString() + " "
					+ document.path("metadata").path("name").asString() + ")";
			if (document.isArray() || document.isNull() || document.isMissingNode()) {
				continue; // a JSON patch, checked with the kustomization that applies it,
							// or an empty document
			}
			if (!document.isObject()) {
				this.problems.add(where + ": is neither a resource nor a kustomization");
			}
			else if ("Kustomization".equals(document.path("kind").asString())) {
				parseKustomization(file, document);
			}
			else {
				HasMetadata model = KubernetesModel.bind(where, document, this.problems);
				if (model != null) {
					this.resources.add(new Resource(file, i + 1, model, document));
				}
			}
		}
	}

	private void parseKustomization(String file, JsonNode document) {
		KubernetesKustomization kustomization;
		try {
			kustomization = KubernetesModel.YAML.treeToValue(document, KubernetesKustomization.class);
		}
		catch (JacksonException ex) {
			this.problems.add(file + ": " + KubernetesModel.describe(ex));
			return;
		}
		this.kustomizations.put(file, kustomization);
		List<KubernetesKustomization.Patch> patches = KubernetesKustomization.orEmpty(kustomization.patches());
		for (int i = 0; i < patches.size(); i++) {
			String patch = patches.get(i).patch();
			try {
				JsonNode partial = (patch != null) ? KubernetesModel.YAML.readTree(patch) : null;
				if (partial != null && partial.isObject()) {
					// a strategic merge patch is a partial resource: it binds to the same
					// model
					String where = file + " (patches[" + i + "], " + partial.path("kind").asString() + " "
							+ partial.path("metadata").path("name").asString() + ")";
					KubernetesModel.bind(where, partial, this.problems);
				}
			}
			catch (JacksonException ex) {
				this.problems.add(file + " (patches[" + i + "]): " + ex.getOriginalMessage());
			}
		}
	}

	private static boolean isYaml(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	/**
	 * One bound resource.
	 *
	 * @param file the file it is in
	 * @param document its place in the file, from 1
	 * @param model the typed resource
	 * @param tree the document as written, for JSON patch paths
	 */
	record Resource(String file, int document, HasMetadata model, JsonNode tree) {

		String kind() {
			return this.model.getKind();
		}

		String name() {
			return this.model.getMetadata().getName();
		}

		/**
		 * Returns the pod a workload runs.
		 * @return the pod spec of a Deployment or StatefulSet, or null for other kinds
		 */
		PodSpec podSpec() {
			PodTemplateSpec template = null;
			if (this.model instanceof Deployment deployment && deployment.getSpec() != null) {
				template = deployment.getSpec().getTemplate();
			}
			if (this.model instanceof StatefulSet statefulSet && statefulSet.getSpec() != null) {
				template = statefulSet.getSpec().getTemplate();
			}
			return (template != null) ? template.getSpec() : null;
		}

	}

}
