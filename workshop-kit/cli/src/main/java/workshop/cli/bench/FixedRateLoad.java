package workshop.cli.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: sends requests at a fixed rate, whether or not earlier
 * answers have arrived, and records each latency from the time the request was
 * <em>meant</em> to be sent. A server that stalls therefore cannot slow the client down
 * and hide the stall (the "coordinated omission" of closed-loop clients): every request
 * scheduled during the stall is charged the wait. Requests go out with the JDK client's
 * {@code sendAsync}, which opens more connections when answers are slow.
 */
final class FixedRateLoad {

	/**
	 * How long to wait, after the last request is sent, for answers still on their way.
	 */
	private static final Duration LAST_ANSWERS = Duration.ofSeconds(30);

	private final HttpClient client;

	FixedRateLoad(HttpClient client) {
		this.client = client;
	}

	/**
	 * Runs the load.
	 * @param request the request to send, again and again
	 * @param expectedStatus the status of a successful answer
	 * @param perSecond how many requests to send each second, at least 1
	 * @param duration how long to send them
	 * @return what was measured; latencies are from the intended send times
	 * @throws InterruptedException when interrupted
	 */
	LoadResult run(HttpRequest request, int expectedStatus, int perSecond, Duration duration)
			throws InterruptedException {
		return run((i) -> request, expectedStatus, perSecond, duration);
	}

	/**
	 * Runs the load, with a request of its own for each send.
	 * @param requests the request to send as the i-th, counting from 0
	 * @param expectedStatus the status of a successful answer
	 * @param perSecond how many requests to send each second, at least 1
	 * @param duration how long to send them
	 * @return what was measured; latencies are from the intended send times
	 * @throws InterruptedException when interrupted
	 */
	LoadResult run(LongFunction<HttpRequest> requests, int expectedStatus, int perSecond, Duration duration)
			throws InterruptedException {
		Histogram latencies = new ConcurrentHistogram(3);
		Failures failures = new Failures();
		long interval = Duration.ofSeconds(1).toNanos() / perSecond;
		long count = Math.max(1, duration.toNanos() / interval);
		List<CompletableFuture<Void>> answers = new ArrayList<>();
		long start = System.nanoTime();
		for (long i = 0; i < count; i++) {
			long intended = start + i * interval;
			waitUntil(intended);
			answers.add(this.client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding())
				.handle((answer, failure) -> {
					if (failure == null && answer.statusCode() == expectedStatus) {
						latencies.recordValue(System.nanoTime() - intended);
					}
					else {
						failures.add(cause(answer, failure));
					}
					return null;
				}));
		}
		awaitAll(answers, failures);
		return new LoadResult(latencies, failures.count(), failures.byCause(),
				Duration.ofNanos(System.nanoTime() - start));
	}

	private static String cause(HttpResponse<Void> answer, Throwable failure) {
		if (failure == null) {
			return "HTTP " + answer.statusCode();
		}
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return cause.getClass().getSimpleName();
	}

	private static void waitUntil(long nanoTime) throws InterruptedException {
		for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
			LockSupport.parkNanos(left);
			if (Thread.interrupted()) {
				throw new InterruptedException();
			}
		}
	}

	/**
	 * Waits for the answers still on their way; one that never comes counts as a failure.
	 */
	private static void awaitAll(List<CompletableFuture<Void>> answers, Failures failures) throws InterruptedException {
		long giveUpAt = System.nanoTime() + LAST_ANSWERS.toNanos();
		for (CompletableFuture<Void> answer : answers) {
			try {
				answer.get(Math.max(0, giveUpAt - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				// Cancelled before it was answered: counted here, and never by the
				// handler.
				if (answer.cancel(false)) {
					failures.add("no answer");
				}
			}
			catch (ExecutionException ex) {
				// The handler records every outcome and never throws.
				throw new IllegalStateException(ex);
			}
		}
	}

}
