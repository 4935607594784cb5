package workshop.infra;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One PostgreSQL server and one Kafka broker per JVM, each started on first use in the
 * mode of {@link InfraMode#resolve()} and stopped by a JVM shutdown hook that also
 * removes their data. Every test class and every Spring context of a test JVM shares
 * them, so they start once. Thread-safe.
 */
public final class SharedInfrastructure {

	private static final Logger logger = LoggerFactory.getLogger(SharedInfrastructure.class);

	/**
	 * How long the shutdown hook waits for leases (open Spring contexts) to be released.
	 */
	private static final long RELEASE_WAIT_SECONDS = 10;

	private static final SharedServer<PostgresServer> POSTGRES = new SharedServer<>("PostgreSQL",
			Infrastructure::startPostgres);

	private static final SharedServer<KafkaBroker> KAFKA = new SharedServer<>("Kafka", Infrastructure::startKafka);

	private static final ReentrantLock leaseLock = new ReentrantLock();

	private static final Condition allReleased = leaseLock.newCondition();

	private static int openLeases;

	private static boolean shutdownHookRegistered;

	private SharedInfrastructure() {
	}

	/**
	 * The shared PostgreSQL server, started on first call in the resolved mode.
	 * @return the running server, never {@code null}; do not close it
	 * @throws InfrastructureException if it cannot be started
	 */
	public static PostgresServer postgres() {
		return postgres(InfraMode.resolve());
	}

	/**
	 * The shared PostgreSQL server, started on first call in the given mode.
	 * @param mode {@link InfraMode#EMBEDDED} or {@link InfraMode#DOCKER}
	 * @return the running server, never {@code null}; do not close it
	 * @throws InfrastructureException if it cannot be started, or already runs in another
	 * mode
	 */
	public static PostgresServer postgres(InfraMode mode) {
		return POSTGRES.get(mode);
	}

	/**
	 * The shared Kafka broker, started on first call in the resolved mode.
	 * @return the running broker, never {@code null}; do not close it
	 * @throws InfrastructureException if it cannot be started
	 */
	public static KafkaBroker kafka() {
		return kafka(InfraMode.resolve());
	}

	/**
	 * The shared Kafka broker, started on first call in the given mode.
	 * @param mode {@link InfraMode#EMBEDDED} or {@link InfraMode#DOCKER}
	 * @return the running broker, never {@code null}; do not close it
	 * @throws InfrastructureException if it cannot be started, or already runs in another
	 * mode
	 */
	public static KafkaBroker kafka(InfraMode mode) {
		return KAFKA.get(mode);
	}

	/**
	 * Takes a lease on the shared servers: the shutdown hook waits (up to ten seconds)
	 * until every lease is closed before it stops them, so clients such as connection
	 * pools can shut down first. Spring contexts take one each.
	 * @return the lease; close it when done with the servers
	 */
	public static Lease lease() {
		leaseLock.lock();
		try {
			openLeases++;
		}
		finally {
			leaseLock.unlock();
		}
		return new Lease();
	}

	/**
	 * A claim on the shared servers, released by {@link #close()}.
	 */
	public static final class Lease implements AutoCloseable {

		private boolean closed;

		private Lease() {
		}

		@Override
		public void close() {
			leaseLock.lock();
			try {
				if (!this.closed) {
					this.closed = true;
					openLeases--;
					allReleased.signalAll();
				}
			}
			finally {
				leaseLock.unlock();
			}
		}

	}

	private static synchronized void registerShutdownHook() {
		if (!shutdownHookRegistered) {
			shutdownHookRegistered = true;
			Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "workshop-infra-shutdown"));
		}
	}

	private static void stopAll() {
		awaitLeasesReleased();
		KAFKA.stop();
		POSTGRES.stop();
	}

	private static void awaitLeasesReleased() {
		long remaining = TimeUnit.SECONDS.toNanos(RELEASE_WAIT_SECONDS);
		leaseLock.lock();
		try {
			while (openLeases > 0 && remaining > 0) {
				remaining = allReleased.awaitNanos(remaining);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			leaseLock.unlock();
		}
	}

	/** One lazily started server and the mode it runs in. */
	private static final class SharedServer<T extends AutoCloseable> {

		private final String name;

		private final Function<InfraMode, T> starter;

		private T server;

		private InfraMode mode;

		SharedServer(String name, Function<InfraMode, T> starter) {
			this.name = name;
			this.starter = starter;
		}

		synchronized T get(InfraMode requested) {
			if (this.server == null) {
				registerShutdownHook();
				this.server = this.starter.apply(requested);
				this.mode = requested;
			}
			else if (this.mode != requested) {
				throw new InfrastructureException(
						"The shared " + this.name + " of this JVM already runs in " + this.mode.value() + " mode, not "
								+ requested.value() + ": set workshop.infra to one value for the whole JVM");
			}
			return this.server;
		}

		synchronized void stop() {
			if (this.server != null) {
				try {
					this.server.close();
				}
				catch (Exception ex) {
					logger.warn("Could not stop the shared {}: {}", this.name, ex.getMessage());
				}
				this.server = null;
			}
		}

	}

}
