package workshop.cli.manifest;

import java.util.List;
import java.util.Map;

/**
 * What {@code ./workshop bench} measures on a step, and the step's targets.
 *
 * @param measures the names of the measures, in the order they run, never null
 * @param targets each target by name (such as {@code gateway-p99-factor}), never null
 */
public record BenchPlan(List<String> measures, Map<String, Double> targets) {

	/** The plan of a step that lists nothing to measure. */
	public static final BenchPlan NONE = new BenchPlan(List.of(), Map.of());

}
