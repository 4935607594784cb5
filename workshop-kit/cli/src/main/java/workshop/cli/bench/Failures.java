package workshop.cli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The failed requests of one load run, counted by what went wrong ({@code HTTP 503}, an
 * exception's class name, {@code no answer}). Safe to add to from many threads.
 */
final class Failures {

	private final Map<String, LongAdder> byCause = new ConcurrentHashMap<>();

	void add(String cause) {
		this.byCause.computeIfAbsent(cause, (key) -> new LongAdder()).increment();
	}

	long count() {
		return this.byCause.values().stream().mapToLong(LongAdder::sum).sum();
	}

	/** The counts by cause, in the causes' order, as they are now. */
	Map<String, Long> byCause() {
		Map<String, Long> counts = new TreeMap<>();
		this.byCause.forEach((cause, count) -> counts.put(cause, count.sum()));
		return counts;
	}

}
