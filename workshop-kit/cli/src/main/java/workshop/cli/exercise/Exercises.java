package workshop.cli.exercise;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import workshop.cli.WorkshopException;

/**
 * The exercises of the workshop: every folder {@code exercises/ex-NN-slug/} that holds an
 * {@code exercise.yaml}. Adding an exercise is adding such a folder (and its module to
 * {@code exercises/pom.xml}, so that {@code ./mvnw verify} runs its tests).
 */
final class Exercises {

	private static final String FOLDER = "exercises";

	private final List<Exercise> all;

	private Exercises(List<Exercise> all) {
		this.all = all;
	}

	/**
	 * Reads every exercise under a workshop root.
	 * @param root the workshop root
	 * @return the exercises, ordered by id
	 * @throws WorkshopException when an {@code exercise.yaml} is invalid
	 */
	static Exercises in(Path root) {
		Path dir = root.resolve(FOLDER);
		if (!Files.isDirectory(dir)) {
			return new Exercises(List.of());
		}
		List<Exercise> exercises = new ArrayList<>();
		try (Stream<Path> folders = Files.list(dir)) {
			for (Path folder : folders.filter((f) -> f.getFileName().toString().matches("ex-\\d\\d-.+"))
				.sorted()
				.toList()) {
				if (Files.isRegularFile(folder.resolve(Exercise.DESCRIPTOR))) {
					exercises.add(read(root, folder));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Exercises(List.copyOf(exercises));
	}

	/**
	 * Returns every exercise.
	 * @return the exercises, ordered by id
	 */
	List<Exercise> all() {
		return this.all;
	}

	/**
	 * Finds an exercise by its number ({@code 1}, {@code 01}) or folder name
	 * ({@code ex-01-…}).
	 * @param name what the user typed
	 * @return the exercise
	 * @throws WorkshopException naming the exercises there are, when none matches
	 */
	Exercise find(String name) {
		String id = name.matches("\\d+") ? String.format("%02d", Integer.parseInt(name)) : name;
		return this.all.stream()
			.filter((exercise) -> exercise.id().equals(id) || exercise.folder().endsWith("/" + id))
			.findFirst()
			.orElseThrow(() -> new WorkshopException("No exercise '" + name + "'. The exercises are: "
					+ String.join(", ", this.all.stream().map(Exercise::id).toList())
					+ " (./workshop exercise list shows them)."));
	}

	private static Exercise read(Path root, Path folder) {
		Path descriptor = folder.resolve(Exercise.DESCRIPTOR);
		String where = root.relativize(descriptor).toString();
		Map<String, Object> fields;
		try (Reader reader = Files.newBufferedReader(descriptor)) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (!(document instanceof Map<?, ?>)) {
				throw new WorkshopException(where + " must be a YAML map with title, step and failing.");
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> map = (Map<String, Object>) document;
			fields = map;
		}
		catch (IOException | YAMLException ex) {
			throw new WorkshopException("Cannot read " + where + ": " + ex.getMessage());
		}
		String name = folder.getFileName().toString();
		List<String> failing = failing(fields.get("failing"), where);
		if (!Files.isRegularFile(folder.resolve(Exercise.STARTER_PATCH))) {
			throw new WorkshopException(where + ": the folder has no " + Exercise.STARTER_PATCH + ". Add one.");
		}
		return new Exercise(name.substring(3, 5), root.relativize(folder).toString().replace('\\', '/'),
				text(fields, "title", where), text(fields, "step", where), failing);
	}

	private static String text(Map<String, Object> fields, String key, String where) {
		Object value = fields.get(key);
		if (!(value instanceof String text) || text.isBlank()) {
			throw new WorkshopException(where + ": '" + key + "' is missing. Add it.");
		}
		return text;
	}

	private static List<String> failing(Object value, String where) {
		if (!(value instanceof List<?> list) || list.isEmpty()) {
			throw new WorkshopException(
					where + ": 'failing' must list the tests that fail before the exercise is solved.");
		}
		List<String> tests = new ArrayList<>();
		for (Object entry : list) {
			if (!(entry instanceof String test) || !test.matches("[\\w.$]+#\\w+")) {
				throw new WorkshopException(where + ": '" + entry + "' in 'failing' is not a test; write it as "
						+ "com.example.SomeTests#methodName.");
			}
			tests.add(test);
		}
		return List.copyOf(tests);
	}

}
