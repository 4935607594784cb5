package shop.catalog.migration;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import shop.catalog.cdc.SnapshotProgress;

/**
 * {@code /actuator/repair}: drift repaired by reading the source again while the stream
 * goes on.
 * <ul>
 * <li>{@code POST} (administrators only) asks the change stream for an incremental
 * snapshot of the products ({@link Migration#repair()}); refused with a problem detail
 * while one runs or the stream is down;</li>
 * <li>{@code GET} shows how far the last one got.</li>
 * </ul>
 */
@Endpoint(id = "repair")
public class RepairEndpoint {

	private final Migration migration;

	RepairEndpoint(Migration migration) {
		this.migration = migration;
	}

	@ReadOperation
	public SnapshotProgress.Snapshot status() {
		return this.migration.lastRepair();
	}

	@WriteOperation
	public SnapshotProgress.Snapshot repair() {
		return this.migration.repair();
	}

}
