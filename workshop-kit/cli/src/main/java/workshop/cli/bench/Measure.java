package workshop.cli.bench;

/**
 * One thing {@code ./workshop bench} measures on a running step, as one table of the
 * report. A step lists the measures it gets by name in {@code workshop.yaml}
 * ({@code bench.measures}), and they run in that order; {@link Measures} knows every
 * name. To add one, write a class that implements this, and add it to {@link Measures}.
 */
interface Measure {

	/**
	 * Returns the name that {@code workshop.yaml} lists.
	 * @return a short name, such as {@code order-price}
	 */
	String name();

	/**
	 * Measures the running step.
	 * @param bench the step, a client, the run's settings and the step's targets
	 * @return this step's part of the report's table, never null
	 * @throws InterruptedException when interrupted
	 */
	Table measure(BenchContext bench) throws InterruptedException;

}
