package workshop.cli.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: each connection sends a request, waits for the answer,
 * and sends the next, for a fixed time. Latency is the time from sending to the whole
 * answer, recorded in an HdrHistogram. Connections are kept alive by the JDK client.
 */
final class LoadGenerator {

	private final HttpClient client;

	LoadGenerator(HttpClient client) {
		this.client = client;
	}

	/**
	 * Runs the load.
	 * @param request the request every connection sends
	 * @param expectedStatus the status of a successful answer
	 * @param connections how many requests are in flight at once
	 * @param duration how long to run
	 * @return what was measured
	 * @throws InterruptedException when interrupted
	 */
	LoadResult run(HttpRequest request, int expectedStatus, int connections, Duration duration)
			throws InterruptedException {
		return run(
				(client) -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus,
				connections, duration);
	}

	/**
	 * Runs the load of an exchange that may take several requests, such as placing an
	 * order and reading it until it is final. Its latency is the whole exchange.
	 * @param exchange what every connection does, again and again
	 * @param connections how many exchanges are in flight at once
	 * @param duration how long to run
	 * @return what was measured
	 * @throws InterruptedException when interrupted
	 */
	LoadResult run(Exchange exchange, int connections, Duration duration) throws InterruptedException {
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Histogram> histograms = new ArrayList<>();
		List<Thread> workers = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		for (int i = 0; i < connections; i++) {
			Histogram histogram = new Histogram(3);
			histograms.add(histogram);
			Thread worker = new Thread(() -> loop(exchange, end, histogram, errors), "load-" + i);
			workers.add(worker);
			worker.start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		Histogram total = new Histogram(3);
		histograms.forEach(total::add);
		return new LoadResult(total, errors.get(), elapsed);
	}

	private void loop(Exchange exchange, long end, Histogram histogram, AtomicLong errors) {
		while (System.nanoTime() < end) {
			long sent = System.nanoTime();
			try {
				if (exchange.perform(this.client)) {
					histogram.recordValue(System.nanoTime() - sent);
				}
				else {
					errors.incrementAndGet();
				}
			}
			catch (IOException ex) {
				errors.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * One measured unit of work against the server.
	 */
	@FunctionalInterface
	interface Exchange {

		/**
		 * Does the work once.
		 * @param client the client to send with
		 * @return true if the server answered as expected, false to count an error
		 * @throws IOException when the server cannot be reached
		 * @throws InterruptedException when interrupted
		 */
		boolean perform(HttpClient client) throws IOException, InterruptedException;

	}

}
