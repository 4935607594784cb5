package workshop.cli.manifest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads {@code workshop.yaml} into a {@link Manifest}. The format is documented in the
 * file's header comment. Every error names the entry (such as {@code steps[0].apps[1]})
 * and the field to fix.
 */
public final class ManifestReader {

	/**
	 * The readiness path of a Spring Boot app, used when an app names no {@code health}.
	 */
	static final String DEFAULT_HEALTH = "/actuator/health/readiness";

	private final Path file;

	private ManifestReader(Path file) {
		this.file = file;
	}

	/**
	 * Reads and validates a manifest.
	 * @param file the manifest file
	 * @return the manifest, never null
	 * @throws ManifestException when the file is missing, is not YAML or misses a
	 * required field
	 */
	public static Manifest read(Path file) {
		return new ManifestReader(file).read();
	}

	private Manifest read() {
		Object document;
		try (Reader reader = Files.newBufferedReader(this.file)) {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (NoSuchFileException ex) {
			throw new ManifestException("No manifest at " + this.file + ". Run ./workshop from the workshop folder.");
		}
		catch (MarkedYAMLException ex) {
			throw new ManifestException(
					this.file.getFileName() + " is not valid YAML at line " + (ex.getProblemMark().getLine() + 1) + ": "
							+ ex.getProblem() + ". Fix the indentation or quoting there.");
		}
		catch (YAMLException | IOException ex) {
			throw new ManifestException("Cannot read " + this.file + ": " + ex.getMessage());
		}
		Map<String, Object> root = map(document, "the document");
		List<Object> stepEntries = list(root.get("steps"), "steps");
		if (stepEntries.isEmpty()) {
			throw error("steps", "lists no step: add at least one");
		}
		List<Step> steps = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < stepEntries.size(); i++) {
			Step step = step(map(stepEntries.get(i), "steps[" + i + "]"), "steps[" + i + "]");
			if (!ids.add(step.id())) {
				throw error("steps[" + i + "].id", "repeats the step id '" + step.id() + "': step ids must be unique");
			}
			steps.add(step);
		}
		return new Manifest(this.file, List.copyOf(steps));
	}

	private Step step(Map<String, Object> entry, String where) {
		String id = text(entry, "id", where);
		String dir = text(entry, "dir", where);
		String title = optionalText(entry, "title", where, id);
		InfraNeeds infra = infra(entry.get("infra"), where + ".infra");
		List<Object> appEntries = list(entry.get("apps"), where + ".apps");
		if (appEntries.isEmpty()) {
			throw error(where + ".apps", "lists no app: add at least one");
		}
		List<App> apps = new ArrayList<>();
		for (int i = 0; i < appEntries.size(); i++) {
			String appWhere = where + ".apps[" + i + "]";
			apps.add(app(map(appEntries.get(i), appWhere), appWhere));
		}
		for (App app : apps) {
			for (String callee : app.calls().keySet()) {
				if (apps.stream().noneMatch((other) -> other.name().equals(callee))) {
					throw error(where + ".apps." + app.name() + ".calls",
							"names '" + callee + "', which is no app of this step");
				}
			}
			for (String database : app.databases().keySet()) {
				if (!infra.databases().contains(database)) {
					throw error(where + ".apps." + app.name() + ".databases", "names '" + database
							+ "', which is no database of this step: add it to infra.postgres.databases");
				}
			}
		}
		String frontDoor = optionalText(entry, "frontDoor", where, apps.get(0).url());
		Map<String, Ancestor> lineage = new LinkedHashMap<>();
		Object lineageEntry = entry.get("lineage");
		if (lineageEntry != null) {
			map(lineageEntry, where + ".lineage")
				.forEach((module, ancestor) -> lineage.put(module, ancestor(ancestor, where + ".lineage." + module)));
		}
		BenchPlan bench = bench(entry.get("bench"), where + ".bench");
		for (String app : bench.arguments().keySet()) {
			if (apps.stream().noneMatch((other) -> other.name().equals(app))) {
				throw error(where + ".bench.arguments", "names '" + app + "', which is no app of this step");
			}
		}
		return new Step(id, dir, title, infra, frontDoor, List.copyOf(apps), Map.copyOf(lineage), bench);
	}

	/**
	 * Reads one lineage entry: the ancestor's folder alone, or a map with {@code from},
	 * and optionally {@code paths} (what the module was born from) and {@code leaveOut}.
	 */
	private Ancestor ancestor(Object entry, String where) {
		if (entry instanceof String module) {
			return Ancestor.whole(module);
		}
		if (!(entry instanceof Map)) {
			throw error(where, "must name a module folder of the previous step, or hold 'from:' and 'paths:'");
		}
		Map<String, Object> fields = map(entry, where);
		String module = text(fields, "from", where);
		return new Ancestor(module, relativePaths(fields.get("paths"), where + ".paths"),
				relativePaths(fields.get("leaveOut"), where + ".leaveOut"));
	}

	/**
	 * Reads what the bench measures on a step: {@code measures} (names), {@code targets}
	 * (name: number) and {@code arguments} (app: list of arguments).
	 */
	private BenchPlan bench(Object entry, String where) {
		if (entry == null) {
			return BenchPlan.NONE;
		}
		Map<String, Object> fields = map(entry, where);
		List<String> measures = new ArrayList<>();
		for (Object measure : list(fields.get("measures"), where + ".measures")) {
			if (!(measure instanceof String)) {
				throw error(where + ".measures", "holds '" + measure + "': each must be a measure's name");
			}
			measures.add((String) measure);
		}
		Map<String, Double> targets = new LinkedHashMap<>();
		Object targetsEntry = fields.get("targets");
		if (targetsEntry != null) {
			map(targetsEntry, where + ".targets").forEach((name, value) -> {
				if (!(value instanceof Number number)) {
					throw error(where + ".targets." + name, "is '" + value + "': it must be a number");
				}
				targets.put(name, number.doubleValue());
			});
		}
		Map<String, List<String>> arguments = new LinkedHashMap<>();
		Object argumentsEntry = fields.get("arguments");
		if (argumentsEntry != null) {
			map(argumentsEntry, where + ".arguments").forEach((app, values) -> {
				List<String> list = new ArrayList<>();
				for (Object value : list(values, where + ".arguments." + app)) {
					if (!(value instanceof String argument) || !argument.startsWith("--")) {
						throw error(where + ".arguments." + app,
								"holds '" + value + "': each must be an argument such as --server.port=8080");
					}
					list.add(argument);
				}
				arguments.put(app, List.copyOf(list));
			});
		}
		return new BenchPlan(List.copyOf(measures), Map.copyOf(targets), Map.copyOf(arguments));
	}

	private List<String> relativePaths(Object entry, String where) {
		if (entry == null) {
			return List.of();
		}
		List<String> paths = new ArrayList<>();
		for (Object path : list(entry, where)) {
			if (!(path instanceof String text) || text.isBlank() || text.startsWith("/") || text.contains("..")) {
				throw error(where, "holds '" + path + "': each must be a path inside the module folder, "
						+ "such as src/main/java/shop/catalog/");
			}
			paths.add(text);
		}
		return List.copyOf(paths);
	}

	private App app(Map<String, Object> entry, String where) {
		String name = text(entry, "name", where);
		String module = text(entry, "module", where);
		String mainClass = text(entry, "mainClass", where);
		Object port = entry.get("port");
		if (port == null) {
			throw error(where, "has no 'port': add the HTTP port the app listens on, such as 'port: 8080'");
		}
		if (!(port instanceof Integer) || (Integer) port < 1 || (Integer) port > 65535) {
			throw error(where + ".port", "is '" + port + "': it must be a number from 1 to 65535");
		}
		String database = optionalText(entry, "database", where, null);
		String health = optionalText(entry, "health", where, DEFAULT_HEALTH);
		if (!health.startsWith("/")) {
			throw error(where + ".health", "is '" + health + "': it must be a path starting with '/'");
		}
		List<String> jvmOptions = new ArrayList<>();
		Object jvmEntry = entry.get("jvmOptions");
		if (jvmEntry != null) {
			for (Object option : list(jvmEntry, where + ".jvmOptions")) {
				if (!(option instanceof String) || !((String) option).startsWith("-")) {
					throw error(where + ".jvmOptions",
							"holds '" + option + "': each must be a JVM option such as -Xmx128m");
				}
				jvmOptions.add((String) option);
			}
		}
		Map<String, String> calls = new LinkedHashMap<>();
		Object callsEntry = entry.get("calls");
		if (callsEntry != null) {
			map(callsEntry, where + ".calls").forEach((callee, property) -> {
				if (!(property instanceof String)) {
					throw error(where + ".calls." + callee,
							"must name the property that carries " + callee + "'s URL, such as shop.catalog.url, or be "
									+ App.BY_NAME + " when the app finds it in the registry");
				}
				calls.put(callee, (String) property);
			});
		}
		List<String> status = new ArrayList<>();
		Object statusEntry = entry.get("status");
		if (statusEntry != null) {
			for (Object path : list(statusEntry, where + ".status")) {
				if (!(path instanceof String) || !((String) path).startsWith("/")) {
					throw error(where + ".status",
							"holds '" + path + "': each must be a path such as /actuator/cutover");
				}
				status.add((String) path);
			}
		}
		Map<String, String> databases = new LinkedHashMap<>();
		Object databasesEntry = entry.get("databases");
		if (databasesEntry != null) {
			map(databasesEntry, where + ".databases").forEach((databaseName, prefix) -> {
				if (!(prefix instanceof String text) || text.isBlank() || text.startsWith("--")) {
					throw error(where + ".databases." + databaseName, "must name the Spring property prefix for "
							+ databaseName + "'s connection settings, such as shop.catalog.database");
				}
				databases.put(databaseName, text);
			});
		}
		List<String> metrics = new ArrayList<>();
		Object metricsEntry = entry.get("metrics");
		if (metricsEntry != null) {
			for (Object metric : list(metricsEntry, where + ".metrics")) {
				if (!(metric instanceof String text) || !text.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
					throw error(where + ".metrics", "holds '" + metric
							+ "': each must be a Prometheus metric name as /actuator/prometheus writes it, such as shop_outbox_backlog");
				}
				metrics.add(text);
			}
		}
		return new App(name, module, mainClass, (Integer) port, database, health, jvmOptions, calls, status, databases,
				metrics);
	}

	private InfraNeeds infra(Object entry, String where) {
		if (entry == null) {
			return InfraNeeds.NONE;
		}
		Map<String, Object> infra = map(entry, where);
		boolean postgres = false;
		List<String> databases = List.of();
		Object postgresEntry = infra.get("postgres");
		if (postgresEntry instanceof Map) {
			postgres = true;
			List<String> names = new ArrayList<>();
			Object databaseEntry = map(postgresEntry, where + ".postgres").get("databases");
			if (databaseEntry != null) {
				for (Object name : list(databaseEntry, where + ".postgres.databases")) {
					names.add(String.valueOf(name));
				}
			}
			databases = List.copyOf(names);
		}
		else if (postgresEntry != null && !Boolean.FALSE.equals(postgresEntry)) {
			throw error(where + ".postgres", "must be 'false' or hold 'databases: [name, ...]'");
		}
		Object kafka = infra.getOrDefault("kafka", Boolean.FALSE);
		if (!(kafka instanceof Boolean)) {
			throw error(where + ".kafka", "is '" + kafka + "': it must be true or false");
		}
		return new InfraNeeds(postgres, databases, (Boolean) kafka, optionalText(infra, "traces", where, null));
	}

	private String text(Map<String, Object> entry, String field, String where) {
		String value = optionalText(entry, field, where, null);
		if (value == null) {
			throw error(where, "has no '" + field + "': add it (the fields are listed at the top of "
					+ this.file.getFileName() + ")");
		}
		return value;
	}

	private String optionalText(Map<String, Object> entry, String field, String where, String fallback) {
		Object value = entry.get(field);
		if (value == null) {
			return fallback;
		}
		if (value instanceof Map || value instanceof List) {
			throw error(where + "." + field, "must be a single value, not a list or a map");
		}
		return String.valueOf(value);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> map(Object value, String where) {
		if (!(value instanceof Map)) {
			throw error(where, "must be a map of 'field: value' entries");
		}
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private List<Object> list(Object value, String where) {
		if (value == null) {
			throw error(where, "is missing: add it as a list ('- ...' entries)");
		}
		if (!(value instanceof List)) {
			throw error(where, "must be a list ('- ...' entries)");
		}
		return (List<Object>) value;
	}

	private ManifestException error(String where, String problem) {
		return new ManifestException(this.file.getFileName() + ": " + where + " " + problem + ".");
	}

}
