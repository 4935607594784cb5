package workshop.cli.control;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import workshop.cli.Cli;
import workshop.cli.FixtureWorkspace;
import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.BenchPlan;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./workshop migrate}: the one line it prints, and its one-line errors with the
 * fix.
 */
class MigrateCommandTests {

	@Test
	void describesThePhaseTheStreamTheCopierAndTheReconciliationInOneLine() {
		String status = """
				{"phase":"A","description":"copy: the old home serves","next":"B",
				 "stream":{"database":"shop","slot":"catalog_shop","running":true},
				 "copier":{"running":true,"applied":14,"skipped":3,"lagP50Millis":21.0,"lagP99Millis":67.1},
				 "reconciliation":{"table":"catalog.products","oldHome":12,"ownDatabase":12,"drifting":0}}""";

		assertThat(MigrateCommand.describe("catalog-service", JsonMapper.builder().build().readTree(status)))
			.isEqualTo("catalog-service: phase A (copy: the old home serves); stream shop via slot catalog_shop; "
					+ "copier applied 14, skipped 3, lag p50 21 ms, p99 67 ms; catalog.products 12 old / 12 new, "
					+ "0 drifting; next: B (./workshop migrate next)");
	}

	@Test
	void describesARepairInOneLine() {
		String repair = """
				{"database":"shop","state":"COMPLETED","tookMillis":1840,"rowsRead":12,"removedFromCopy":1}""";

		assertThat(MigrateCommand.describeRepair("catalog-service", JsonMapper.builder().build().readTree(repair)))
			.isEqualTo("catalog-service: repair COMPLETED; read 12 rows of shop again in 1.8 s; "
					+ "removed 1 row only the copy had");
	}

	@Test
	void saysWhichStepHasAMigrationWhenTheRunningOneHasNone() {
		App monolith = new App("monolith", "step-0", "Main", 8080, "shop", "/ready", List.of(), Map.of(), List.of());
		Step step = new Step("step-0", "step-0", "Layered monolith", InfraNeeds.NONE, "http://localhost:8080/",
				List.of(monolith), Map.of(), BenchPlan.NONE);

		assertThatThrownBy(() -> MigrateCommand.migratingApp(step)).isInstanceOf(WorkshopException.class)
			.hasMessage("step-0 has no data migration: ./workshop migrate works in a step whose app shows "
					+ "/actuator/migration (step-3: ./workshop run step-3).");
	}

	@Test
	void tellsHowToStartAStepWhenNoneRuns() throws IOException {
		try (FixtureWorkspace workspace = FixtureWorkspace.create()) {
			Cli migrate = Cli.run(workspace.root(), "migrate", "next");

			assertThat(migrate.exitCode()).isNotZero();
			assertThat(migrate.err().strip()).isEqualTo("error: No step is running in this folder. Start one with "
					+ "./workshop run <step> (steps: pair, broken, stateful, messaging).");
		}
	}

	@Test
	void namesTheActionsForAnUnknownOne() throws IOException {
		try (FixtureWorkspace workspace = FixtureWorkspace.create()) {
			assertThat(Cli.run(workspace.root(), "migrate", "back").err().strip())
				.isEqualTo("error: 'back' is no migrate action: use ./workshop migrate status, "
						+ "./workshop migrate next or ./workshop migrate repair.");
		}
	}

}
