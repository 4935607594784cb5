package workshop.cli.run;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.cli.Cli;
import workshop.cli.FixtureWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Building only when sources changed, and showing the build's output only when it fails.
 * The fixture's Maven wrapper is a script whose build always fails.
 */
class ModuleBuilderTests {

	private FixtureWorkspace workspace;

	@BeforeEach
	void createWorkspace() {
		this.workspace = FixtureWorkspace.create();
	}

	@AfterEach
	void deleteWorkspace() throws IOException {
		this.workspace.close();
	}

	@Test
	void leavesAModuleWhoseJarIsNewerThanItsSourcesAlone() {
		Cli result = Cli.run(this.workspace.root(), "run", "broken");

		assertThat(result.out()).doesNotContain("Building").doesNotContain("[INFO] building");
		assertThat(result.err()).contains("broken failed to start");
	}

	@Test
	void buildsAnEditedModuleAndShowsTheOutputOnlyWhenTheBuildFails() {
		this.workspace.editFixtureSources();

		Cli result = Cli.run(this.workspace.root(), "run", "pair");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).contains("Building fixture (sources changed since the last build)...")
			.contains("[INFO] building -q -B -pl fixture -am package -DskipTests");
		assertThat(result.err().strip()).isEqualTo("error: The build of fixture failed: [ERROR] Shop.java:[3,1] class, "
				+ "interface or enum expected (output above, also in .workshop/build.log).");
		assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
	}

}
