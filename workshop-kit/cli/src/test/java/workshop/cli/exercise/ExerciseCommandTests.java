package workshop.cli.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workshop.cli.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exercise lifecycle on a small git repository: one step file, one exercise whose
 * starter patch removes a line from it. {@code check} and {@code prove} run Maven and are
 * proven in CI on the real exercises ({@code ./workshop exercise prove}).
 */
class ExerciseCommandTests {

	private static final String SOLVED = "class Stock {\n\tvoid release() {\n\t\tthis.reserved = 0;\n\t}\n}\n";

	private static final String STARTER = "class Stock {\n\tvoid release() {\n\t}\n}\n";

	@TempDir
	Path root;

	private Path stock;

	@BeforeEach
	void createWorkshopWithOneExercise() throws IOException {
		this.stock = this.root.resolve("step-0/Stock.java");
		Files.createDirectories(this.stock.getParent());
		Files.writeString(this.stock, SOLVED);
		Path exercise = Files.createDirectories(this.root.resolve("exercises/ex-01-release"));
		Files.writeString(exercise.resolve("exercise.yaml"),
				"title: Release stock\nstep: step-0\nfailing:\n  - shop.StockTests#releases\n");
		git("init", "-q");
		git("add", "-A");
		git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "step 0");
		Files.writeString(this.stock, STARTER);
		Files.writeString(exercise.resolve("starter.patch"), git("diff"));
		Files.writeString(this.stock, SOLVED);
	}

	@Test
	void listsExercisesWithTheirStep() {
		Cli result = Cli.run(this.root, "exercise", "list");

		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).contains("01  step-0").contains("Release stock").doesNotContain("started");
	}

	@Test
	void startRemovesTheSolutionFromTheStep() throws IOException {
		Cli result = Cli.run(this.root, "exercise", "1", "start");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
		assertThat(Files.readString(this.stock)).isEqualTo(STARTER);
		assertThat(Cli.run(this.root, "exercise", "list").out()).contains("started");
	}

	@Test
	void startRefusesToOverwriteUncommittedChanges() throws IOException {
		Files.writeString(this.stock, SOLVED + "// mine\n");

		Cli result = Cli.run(this.root, "exercise", "01", "start");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Exercise 01 would overwrite your uncommitted changes in "
				+ "step-0/Stock.java. Commit or stash them (git stash) first." + System.lineSeparator());
		assertThat(Files.readString(this.stock)).isEqualTo(SOLVED + "// mine\n");
	}

	@Test
	void solveRestoresTheSolutionAndKeepsTheAttempt() throws IOException {
		Cli.run(this.root, "exercise", "01", "start");
		Files.writeString(this.stock, STARTER.replace("\t}\n}", "\t\t// my attempt\n\t}\n}"));

		Cli result = Cli.run(this.root, "exercise", "01", "solve");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
		assertThat(Files.readString(this.stock)).isEqualTo(SOLVED);
		List<Path> attempts = Files.list(this.root.resolve(".workshop/exercises")).toList();
		assertThat(attempts).hasSize(1);
		assertThat(Files.readString(attempts.get(0))).contains("+\t\t// my attempt");
	}

	@Test
	void resetStartsOverFromTheStarter() throws IOException {
		Cli.run(this.root, "exercise", "01", "start");
		Files.writeString(this.stock, "broken");

		Cli result = Cli.run(this.root, "exercise", "01", "reset");

		assertThat(result.exitCode()).as(result.err()).isEqualTo(0);
		assertThat(Files.readString(this.stock)).isEqualTo(STARTER);
	}

	@Test
	void namesTheExercisesThereAreWhenOneIsUnknown() {
		Cli result = Cli.run(this.root, "exercise", "7", "check");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("No exercise '7'. The exercises are: 01");
	}

	@Test
	void rejectsAFailingTestThatIsNotAClassAndMethod() throws IOException {
		Files.writeString(this.root.resolve("exercises/ex-01-release/exercise.yaml"),
				"title: Release stock\nstep: step-0\nfailing:\n  - StockTests\n");

		Cli result = Cli.run(this.root, "exercise", "list");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("'StockTests' in 'failing' is not a test");
	}

	@Test
	void proveRefusesAnExerciseTheBuildDoesNotList() {
		Cli result = Cli.run(this.root, "exercise", "prove");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("is not a module of exercises/pom.xml");
	}

	private String git(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("git"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(this.root.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		try {
			assertThat(process.waitFor()).as("git %s: %s", arguments[0], output).isEqualTo(0);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return output;
	}

}
