package shop.catalog.migration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The gate every write of the catalog passes. Writes pass together; the cutover closes
 * the gate once the writes in progress are done, and holds the new ones back until it
 * opens it again. A write waits, it never fails.
 */
@Component
public class WriteGate {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

	/**
	 * Runs a write once the gate is open.
	 * @param <T> what the write returns
	 * @param write the write, with its transaction
	 * @return what the write returned
	 */
	public <T> T pass(Supplier<T> write) {
		this.lock.readLock().lock();
		try {
			return write.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Closes the gate when the writes in progress are done.
	 * @param wait how long to wait for them
	 * @return whether it closed; if not, it stays open
	 */
	boolean close(Duration wait) throws InterruptedException {
		return this.lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Opens the gate; only the thread that closed it may. */
	void open() {
		this.lock.writeLock().unlock();
	}

}
