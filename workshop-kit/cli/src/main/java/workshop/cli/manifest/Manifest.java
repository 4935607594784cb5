package workshop.cli.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The workshop manifest: every step, in teaching order.
 *
 * @param file the file it was read from
 * @param steps the steps, in order, never empty
 */
public record Manifest(Path file, List<Step> steps) {

	/**
	 * Returns the step with the given id.
	 * @param id the step id typed by the user
	 * @return the step, never null
	 * @throws ManifestException when no step has that id; the message lists the valid
	 * ones
	 */
	public Step step(String id) {
		for (Step step : this.steps) {
			if (step.id().equals(id)) {
				return step;
			}
		}
		throw new ManifestException("Unknown step '" + id + "'. Valid steps: " + stepIds() + ".");
	}

	/**
	 * Returns the position of a step in teaching order.
	 * @param step a step of this manifest
	 * @return its index, starting at 0
	 */
	public int indexOf(Step step) {
		return this.steps.indexOf(step);
	}

	/**
	 * Returns every app of every step, in manifest order.
	 * @return the apps, never null
	 */
	public List<App> allApps() {
		List<App> apps = new ArrayList<>();
		this.steps.forEach((step) -> apps.addAll(step.apps()));
		return apps;
	}

	/**
	 * Returns the step ids, comma separated, for messages.
	 * @return the ids
	 */
	public String stepIds() {
		return this.steps.stream().map(Step::id).collect(Collectors.joining(", "));
	}

}
