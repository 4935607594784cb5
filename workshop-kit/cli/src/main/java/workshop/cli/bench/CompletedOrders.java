package workshop.cli.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import workshop.cli.WorkshopException;
import workshop.cli.bench.Table.Row;

import static workshop.cli.bench.ClosedLoop.format;

/**
 * Orders completed per second: the shop's capacity, one {@link OrderBatch} per
 * concurrency, sized by {@link BatchSize} to last about {@code --duration}.
 */
final class CompletedOrders implements Measure {

	private static final String EXPLANATION = "N orders placed back to back with C connections (POST only, one unit "
			+ "each), then every order still PENDING read once per 50 ms round, one read at a time, until final; "
			+ "completed/s = N / (last order seen final - first POST sent). N comes from probe batches, to last about "
			+ "one run's duration. "
			+ "Errors: orders not CONFIRMED (another status, failed, or pending at the deadline).";

	@Override
	public String name() {
		return "completed-orders";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		BenchContext.Settings settings = bench.settings();
		OrderBatch orders = new OrderBatch(bench.client(), bench.shop().placeOrder(),
				settings.orderTimeout().plus(settings.duration().multipliedBy(2)));
		List<Row> rows = new ArrayList<>();
		BatchResult busiest = null;
		for (int connections : settings.connections()) {
			bench.shop().topUpStock();
			BatchResult batch = sized(orders, connections, settings.duration());
			bench.progress(
					"%-18s x%-3d %8.0f orders/s completed (N = %d in %.1f s)  POST p50 %6.2f ms  "
							+ "p99 %7.2f ms  errors %d",
					"order batch", connections, batch.completedPerSecond(), batch.orders(), batch.spanSeconds(),
					batch.postMillis(50), batch.postMillis(99), batch.errors());
			rows.add(row(batch));
			if (busiest == null || connections > busiest.connections()) {
				busiest = batch;
			}
		}
		bench.busiestBatch(busiest);
		return table(rows);
	}

	/**
	 * Runs probe batches until one lasts long enough to size the measured batch from it,
	 * then the measured batch.
	 * @param orders the batches to run
	 * @param connections how many POSTs are in flight at once
	 * @param duration about how long the measured batch should last
	 * @return the measured batch's result, never null
	 * @throws WorkshopException when no order of a probe ends {@code CONFIRMED}
	 * @throws InterruptedException when interrupted
	 */
	static BatchResult sized(OrderBatch orders, int connections, Duration duration) throws InterruptedException {
		BatchResult probe = probe(orders, BatchSize.FIRST_PROBE, connections);
		while (!BatchSize.isEnough(probe)) {
			probe = probe(orders, BatchSize.nextProbe(probe), connections);
		}
		return orders.run(BatchSize.forDuration(probe, duration), connections);
	}

	private static BatchResult probe(OrderBatch orders, int size, int connections) throws InterruptedException {
		BatchResult probe = orders.run(size, connections);
		if (probe.confirmed() == 0) {
			throw new WorkshopException("None of " + size + " orders placed to size the batch ended CONFIRMED ("
					+ probe.otherFinal() + " other final status, " + probe.stillPending() + " still pending, "
					+ probe.failed() + " failed): see the step's log in target/bench/.");
		}
		return probe;
	}

	static Table table(List<Row> rows) {
		return new Table("Orders completed per second (batch)", EXPLANATION, List.of("connections (C)"),
				List.of("orders (N)", "completed/s", "CONFIRMED", "errors", "POST p50 (ms)", "POST p99 (ms)",
						"last final after last POST (ms)"),
				rows);
	}

	static Row row(BatchResult batch) {
		return new Row(List.of(Integer.toString(batch.connections())),
				List.of(Integer.toString(batch.orders()), format("%.0f", batch.completedPerSecond()),
						format("%.1f%%", 100 * batch.confirmedShare()), Integer.toString(batch.errors()),
						format("%.2f", batch.postMillis(50)), format("%.2f", batch.postMillis(99)),
						format("%.0f", batch.drainNanos() / 1e6)));
	}

}
