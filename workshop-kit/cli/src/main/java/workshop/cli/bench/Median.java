package workshop.cli.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The median of a measure over rounds: what a round typically saw, unmoved by one round
 * that a burst of load from elsewhere on the machine slowed down.
 */
final class Median {

	private Median() {
	}

	/**
	 * Returns the median of a measure of each round.
	 * @param <T> what a round produced
	 * @param rounds the rounds, at least one
	 * @param measure the measure of one round
	 * @return the middle value, or the mean of the two middle values of an even count
	 * @throws IllegalArgumentException when there is no round
	 */
	static <T> double of(List<T> rounds, ToDoubleFunction<T> measure) {
		if (rounds.isEmpty()) {
			throw new IllegalArgumentException("The median of no rounds is undefined");
		}
		double[] values = rounds.stream().mapToDouble(measure).sorted().toArray();
		int middle = values.length / 2;
		return (values.length % 2 == 1) ? values[middle] : (values[middle - 1] + values[middle]) / 2;
	}

}
