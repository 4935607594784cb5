package workshop.cli.control;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which gateway the control room's cutover lever may move: one that lists the cutover
 * endpoint under its status in the manifest, and no other.
 */
class CutoverLeverTests {

	@Test
	void movesAGatewayThatListsItsCutover() {
		Step step = step(app("gateway", List.of(App.CUTOVER)));

		assertThat(CutoverLever.cutoverGatewayOf(step).name()).isEqualTo("gateway");
	}

	@Test
	void refusesAGatewayWithoutACutoverAndSaysWhy() {
		Step step = step(app("gateway", List.of()));

		assertThatExceptionOfType(WorkshopException.class).isThrownBy(() -> CutoverLever.cutoverGatewayOf(step))
			.withMessage("step-x's gateway has no cutover (no /actuator/cutover under its status in workshop.yaml): "
					+ "every route goes to its one app, so there is no weight to set.");
	}

	@Test
	void refusesAStepWithoutAGateway() {
		Step step = step(app("monolith", List.of(App.CUTOVER)));

		assertThatExceptionOfType(WorkshopException.class).isThrownBy(() -> CutoverLever.cutoverGatewayOf(step))
			.withMessage("step-x has no gateway: nothing to cut over.");
	}

	private static Step step(App app) {
		return new Step("step-x", "step-x", "A step", InfraNeeds.NONE, "http://localhost:1/", List.of(app), Map.of());
	}

	private static App app(String name, List<String> status) {
		return new App(name, name, "Main", 1, null, "/ready", List.of(), Map.of(), status);
	}

}
