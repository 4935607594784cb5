package shop.catalog.cdc;

import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One Debezium engine, streaming the products table of one database to the catalog's
 * topic, on a thread of its own. It is closed with {@link #close()}, which lets the
 * engine commit its offsets and release its slot; its thread is never interrupted.
 */
public final class ChangeStream implements AutoCloseable {

	private static final Log log = LogFactory.getLog(ChangeStream.class);

	private final String database;

	private final String slot;

	private final DebeziumEngine<ChangeEvent<String, String>> engine;

	private final ExecutorService thread;

	private volatile boolean running = true;

	ChangeStream(String database, String slot, Properties settings, ChangePublisher publisher) {
		this.database = database;
		this.slot = slot;
		this.engine = DebeziumEngine.create(Json.class)
			.using(settings)
			.notifying(publisher)
			.using((success, message, error) -> {
				this.running = false;
				if (!success) {
					log.error("The change stream of " + database + " stopped: " + message, error);
				}
			})
			.build();
		this.thread = Executors.newSingleThreadExecutor((task) -> new Thread(task, "cdc-" + database));
		this.thread.execute(this.engine);
	}

	/**
	 * The database it streams.
	 * @return the database name, never null
	 */
	public String database() {
		return this.database;
	}

	/**
	 * Its replication slot.
	 * @return the slot name, never null
	 */
	public String slot() {
		return this.slot;
	}

	/**
	 * Whether the engine still runs.
	 * @return false once it stopped, by {@link #close()} or by a failure
	 */
	public boolean running() {
		return this.running;
	}

	@Override
	public void close() {
		try {
			this.engine.close();
			this.thread.shutdown();
			if (!this.thread.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("The change stream of " + this.database + " did not stop within 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.io.IOException ex) {
			log.warn("Closing the change stream of " + this.database + " failed", ex);
		}
	}

}
