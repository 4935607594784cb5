package workshop.cli.bench;

import java.util.ArrayList;
import java.util.List;

import workshop.cli.bench.Table.Row;

import static workshop.cli.bench.ClosedLoop.format;

/**
 * Orders completed per second: the shop's capacity, one {@link OrderBatch} per
 * concurrency, sized by {@link OrderCapacity}.
 */
final class CompletedOrders implements Measure {

	private static final String EXPLANATION = "N orders placed back to back with C connections (POST only, one unit "
			+ "each), then every order still PENDING read once per 50 ms round until final; completed/s = N / (last "
			+ "order seen final - first POST sent). N comes from probe batches, to last about one run's duration. "
			+ "Errors: orders not CONFIRMED (another status, failed, or pending at the deadline).";

	@Override
	public String name() {
		return "completed-orders";
	}

	@Override
	public Table measure(BenchContext bench) throws InterruptedException {
		BenchContext.Settings settings = bench.settings();
		OrderCapacity capacity = new OrderCapacity(new OrderBatch(bench.client(), bench.shop().placeOrder(),
				settings.orderTimeout().plus(settings.duration().multipliedBy(2))));
		List<Row> rows = new ArrayList<>();
		BatchResult busiest = null;
		for (int connections : settings.connections()) {
			bench.shop().topUpStock();
			BatchResult batch = capacity.measure(connections, settings.duration());
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
