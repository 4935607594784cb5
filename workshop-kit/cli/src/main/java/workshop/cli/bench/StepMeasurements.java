package workshop.cli.bench;

import java.util.List;

/**
 * Everything measured for one step.
 *
 * @param step the step id
 * @param startups one entry per app
 * @param loads one entry per request and concurrency
 * @param batches one {@link OrderBatch} per concurrency
 * @param gateway direct against through the gateway, or {@code null} for a step without a
 * gateway
 */
record StepMeasurements(String step, List<AppStartup> startups, List<LoadRow> loads, List<BatchResult> batches,
		GatewayComparison gateway) {

	/**
	 * How one app started.
	 *
	 * @param app the app's name
	 * @param seconds from launching the JVM to the first healthy answer
	 * @param rssHealthyBytes resident memory (with child processes) once healthy, -1 when
	 * unknown
	 * @param rssAfterLoadBytes resident memory after the load runs, -1 when unknown
	 */
	record AppStartup(String app, double seconds, long rssHealthyBytes, long rssAfterLoadBytes) {

	}

	/**
	 * One load run.
	 *
	 * @param request what was sent, such as {@code GET /api/products}
	 * @param connections requests in flight at once
	 * @param result what was measured
	 */
	record LoadRow(String request, int connections, LoadResult result) {

	}

}
