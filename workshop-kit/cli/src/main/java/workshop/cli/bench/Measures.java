package workshop.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.Step;

/**
 * Every measure the bench knows, by the name {@code workshop.yaml} lists it under.
 */
final class Measures {

	private static final List<Measure> ALL = List.of(new ReadProducts(), new WaitForFinalStatus(),
			new CompletedOrders(), new OrderPrice(), new ThroughTheGateway(), new PlaceOrders(), new ChangeLag(),
			new CatalogSnapshot(), new Failover());

	private static final Map<String, Measure> BY_NAME = ALL.stream()
		.collect(Collectors.toMap(Measure::name, Function.identity()));

	private Measures() {
	}

	/**
	 * Returns the measures a step lists, in its order.
	 * @param step the step
	 * @return the measures, never empty
	 * @throws WorkshopException when the step lists none, or a name no measure has
	 */
	static List<Measure> of(Step step) {
		if (step.bench().measures().isEmpty()) {
			throw new WorkshopException(step.id() + " lists nothing to measure: add bench.measures to it in "
					+ "workshop.yaml, from " + names() + ".");
		}
		return step.bench().measures().stream().map((name) -> {
			Measure measure = BY_NAME.get(name);
			if (measure == null) {
				throw new WorkshopException("workshop.yaml: " + step.id() + " lists the measure '" + name
						+ "', which the bench does not know: use " + names() + ".");
			}
			return measure;
		}).toList();
	}

	static String names() {
		return ALL.stream().map(Measure::name).collect(Collectors.joining(", "));
	}

}
