package workshop.cli.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import workshop.cli.bench.Table.Row;

/**
 * The table that the closed-loop measures share: each connection sends, waits for the
 * answer, and sends again, for {@code --duration} at each {@code --connections} value.
 */
final class ClosedLoop {

	static final String TITLE = "Load (closed loop, front door)";

	private static final String EXPLANATION = "Each connection sends, waits for the answer, sends again. " + "\""
			+ WaitForFinalStatus.REQUEST + "\" is what a customer waits for (it reads the order every 5 ms); "
			+ "at 1 connection it is the latency of placing an order. The shop's capacity is the batch table.";

	private ClosedLoop() {
	}

	/**
	 * Runs a request that must answer a status, at each concurrency.
	 * @param bench the running step
	 * @param name the row's name, such as {@code GET /api/products}
	 * @param request the request
	 * @param expectedStatus the status a good answer has
	 * @param topUpStock whether to top the stock up before each run
	 * @return the table
	 * @throws InterruptedException when interrupted
	 */
	static Table run(BenchContext bench, String name, HttpRequest request, int expectedStatus, boolean topUpStock)
			throws InterruptedException {
		return run(bench, name,
				(client) -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus,
				topUpStock);
	}

	static Table run(BenchContext bench, String name, LoadGenerator.Exchange exchange, boolean topUpStock)
			throws InterruptedException {
		LoadGenerator generator = new LoadGenerator(bench.client());
		List<Row> rows = new ArrayList<>();
		for (int connections : bench.settings().connections()) {
			if (topUpStock) {
				bench.shop().topUpStock();
			}
			LoadResult result = generator.run(exchange, connections, bench.settings().duration());
			bench.progress("%-18s x%-3d %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  errors %d", name, connections,
					result.throughput(), result.millis(50), result.millis(99), result.errors());
			rows.add(row(name, connections, result));
		}
		return table(rows);
	}

	static Table table(List<Row> rows) {
		return new Table(TITLE, EXPLANATION, List.of("request", "connections"),
				List.of("requests/s", "p50 (ms)", "p99 (ms)", "max (ms)", "errors"), rows);
	}

	static Row row(String name, int connections, LoadResult result) {
		return new Row(List.of(name, Integer.toString(connections)),
				List.of(format("%.0f", result.throughput()), format("%.2f", result.millis(50)),
						format("%.2f", result.millis(99)), format("%.1f", result.maxMillis()),
						Long.toString(result.errors())));
	}

	static String format(String format, Object... arguments) {
		return String.format(Locale.ROOT, format, arguments);
	}

}
