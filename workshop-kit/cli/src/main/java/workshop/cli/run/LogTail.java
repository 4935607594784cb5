package workshop.cli.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines an app printed, across its restarts: what explains a crash, and what
 * {@code ./workshop status} and the control page show. Thread-safe.
 */
final class LogTail {

	private final int capacity;

	private final Deque<String> lines = new ArrayDeque<>();

	LogTail(int capacity) {
		this.capacity = capacity;
	}

	synchronized void add(String line) {
		if (this.lines.size() == this.capacity) {
			this.lines.removeFirst();
		}
		this.lines.addLast(line);
	}

	/**
	 * Returns the last lines, oldest first.
	 * @param count how many at most
	 * @return the lines, never null
	 */
	synchronized List<String> last(int count) {
		List<String> all = List.copyOf(this.lines);
		return all.subList(Math.max(0, all.size() - count), all.size());
	}

}
