package shop.catalog.cdc;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The incremental snapshot last asked of the catalog's change streams, and how far it
 * got: the engine's notifications say when it started and finished, and the publisher
 * counts the rows it read again and sent to the topic.
 */
public final class SnapshotProgress {

	private static final Set<String> RUNNING = Set.of("REQUESTED", "STARTED", "IN_PROGRESS", "PAUSED", "RESUMED",
			"TABLE_SCAN_COMPLETED");

	private @Nullable String database;

	private String state = "NONE";

	private @Nullable Instant requested;

	private @Nullable Instant completed;

	private long rowsRead;

	private int removedFromCopy;

	synchronized void requested(String database, int removedFromCopy) {
		this.database = database;
		this.state = "REQUESTED";
		this.requested = Instant.now();
		this.completed = null;
		this.rowsRead = 0;
		this.removedFromCopy = removedFromCopy;
	}

	synchronized void notSent() {
		this.state = "NOT_SENT";
		this.completed = Instant.now();
	}

	/**
	 * Takes one of the engine's notifications; only those of incremental snapshots count.
	 * @param notification the notification record's value: {@code aggregate_type},
	 * {@code type}, {@code additional_data}
	 */
	synchronized void notified(JsonNode notification) {
		if (!"Incremental Snapshot".equals(notification.path("aggregate_type").asString()) || !running()) {
			return;
		}
		this.state = notification.path("type").asString();
		if ("COMPLETED".equals(this.state) || "ABORTED".equals(this.state)) {
			this.completed = Instant.now();
		}
	}

	/**
	 * Counts a row the snapshot read, while one runs: the initial snapshot's rows do not
	 * count.
	 */
	synchronized void rowRead() {
		if (running()) {
			this.rowsRead++;
		}
	}

	/**
	 * Whether the last snapshot asked for still runs.
	 * @return true from the request until the engine said it completed or aborted
	 */
	public synchronized boolean running() {
		return RUNNING.contains(this.state);
	}

	/**
	 * Where the last snapshot stands.
	 * @return its progress, state {@code NONE} before the first request
	 */
	public synchronized Snapshot snapshot() {
		Long took = (this.requested != null && this.completed != null)
				? Duration.between(this.requested, this.completed).toMillis() : null;
		return new Snapshot(this.database, this.state, this.requested, this.completed, took, this.rowsRead,
				this.removedFromCopy);
	}

	/**
	 * One incremental snapshot, as {@code GET /actuator/repair} shows it.
	 *
	 * @param database the database read again
	 * @param state {@code NONE}, {@code REQUESTED}, the engine's last notification
	 * ({@code STARTED}, {@code IN_PROGRESS}, ...), then {@code COMPLETED} or
	 * {@code ABORTED}; {@code NOT_SENT} when the signal could not be written
	 * @param requested when the signal was written
	 * @param completed when the engine said it was done
	 * @param tookMillis from the signal to done
	 * @param rowsRead the rows it read and published
	 * @param removedFromCopy the rows taken out of the copy first, because the old home
	 * has none of them
	 */
	public record Snapshot(@Nullable String database, String state, @Nullable Instant requested,
			@Nullable Instant completed, @Nullable Long tookMillis, long rowsRead, int removedFromCopy) {

	}

}
