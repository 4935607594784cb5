package workshop.cli.manifest;

import java.util.List;
import java.util.Map;

/**
 * What {@code ./workshop bench} measures on a step, and the step's targets.
 *
 * @param measures the names of the measures, in the order they run, never null
 * @param targets each target by name (such as {@code gateway-p99-factor}), never null
 * @param arguments by app, what the bench adds to the app's command line, never null: a
 * setting that would otherwise measure itself rather than the shop, such as the gateway's
 * rate limit, which a load generator sending from one address runs into
 */
public record BenchPlan(List<String> measures, Map<String, Double> targets, Map<String, List<String>> arguments) {

	/** The plan of a step that lists nothing to measure. */
	public static final BenchPlan NONE = new BenchPlan(List.of(), Map.of());

	/**
	 * A plan that adds nothing to the apps' command lines.
	 * @param measures the names of the measures, in the order they run
	 * @param targets each target by name
	 */
	public BenchPlan(List<String> measures, Map<String, Double> targets) {
		this(measures, targets, Map.of());
	}

}
