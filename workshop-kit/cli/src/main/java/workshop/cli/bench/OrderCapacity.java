package workshop.cli.bench;

import java.time.Duration;

import workshop.cli.WorkshopException;

/**
 * The shop's capacity to complete orders at one concurrency: probes the batch size with
 * {@link BatchSize}, then runs one measured {@link OrderBatch} of about the run's
 * duration.
 */
final class OrderCapacity {

	private final OrderBatch batch;

	OrderCapacity(OrderBatch batch) {
		this.batch = batch;
	}

	/**
	 * Measures the capacity.
	 * @param connections how many POSTs are in flight at once
	 * @param duration about how long the measured batch should last
	 * @return the measured batch's result, never null
	 * @throws WorkshopException when no order of a probe ends {@code CONFIRMED}
	 * @throws InterruptedException when interrupted
	 */
	BatchResult measure(int connections, Duration duration) throws InterruptedException {
		BatchResult probe = probe(BatchSize.FIRST_PROBE, connections);
		while (!BatchSize.isEnough(probe)) {
			probe = probe(BatchSize.nextProbe(probe), connections);
		}
		return this.batch.run(BatchSize.forDuration(probe, duration), connections);
	}

	private BatchResult probe(int orders, int connections) throws InterruptedException {
		BatchResult probe = this.batch.run(orders, connections);
		if (probe.confirmed() == 0) {
			throw new WorkshopException("None of " + orders + " orders placed to size the batch ended CONFIRMED ("
					+ probe.otherFinal() + " other final status, " + probe.stillPending() + " still pending, "
					+ probe.failed() + " failed): see the step's log in target/bench/.");
		}
		return probe;
	}

}
