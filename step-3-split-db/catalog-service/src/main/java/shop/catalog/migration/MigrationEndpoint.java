package shop.catalog.migration;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import shop.catalog.cdc.ChangeStream;
import shop.catalog.cdc.ProductCopier;
import shop.catalog.cdc.ProductCopy;

/**
 * {@code /actuator/migration}: where the move of the catalog's data stands, and the
 * command to move on.
 * <ul>
 * <li>{@code GET} shows the phase, the stream, the copier with its lag, and the
 * reconciliation of the two copies with the rows that drift;</li>
 * <li>{@code POST} with {@code {"phase":"B"}} moves to the next phase (administrators
 * only); a move out of order, or a cutover while the copies disagree, is refused with a
 * problem detail.</li>
 * </ul>
 */
@Endpoint(id = "migration")
public class MigrationEndpoint {

	private final Migration migration;

	MigrationEndpoint(Migration migration) {
		this.migration = migration;
	}

	@ReadOperation
	public Status status() {
		Phase phase = this.migration.phase();
		ChangeStream stream = this.migration.stream();
		ProductCopier copier = this.migration.copier();
		ProductCopy copy = this.migration.copy();
		Timer lag = copy.lag();
		Phase next = this.migration.next();
		return new Status(phase.name(), phase.description(), (next != null) ? next.name() : null,
				(stream != null) ? new Stream(stream.database(), stream.slot(), stream.running()) : null,
				new Copier(copier != null && copier.running(), copy.applied(), copy.skipped(), copy.appliedLsn(),
						lag.count(), percentileMillis(lag, 0.5), percentileMillis(lag, 0.99)),
				this.migration.reconcile(), this.migration.lastCutover());
	}

	@WriteOperation
	public Status advance(String phase) {
		this.migration.advance(phaseNamed(phase));
		return status();
	}

	private static Phase phaseNamed(String name) {
		try {
			return Phase.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationRefusedException("There is no phase '" + name + "': the phases are A, B and C.");
		}
	}

	// the upper bound of the histogram bucket that holds the percentile
	private static @Nullable Double percentileMillis(Timer timer, double percentile) {
		HistogramSnapshot snapshot = timer.takeSnapshot();
		if (snapshot.count() == 0) {
			return null;
		}
		for (CountAtBucket bucket : snapshot.histogramCounts()) {
			if (bucket.count() >= snapshot.count() * percentile) {
				return bucket.bucket(TimeUnit.MILLISECONDS);
			}
		}
		return snapshot.max(TimeUnit.MILLISECONDS);
	}

	/**
	 * The migration as {@code GET /actuator/migration} shows it.
	 *
	 * @param phase A, B or C
	 * @param description what the phase means
	 * @param next the phase {@code POST} moves to, or null after the last
	 * @param stream the Debezium engine running, or null while stopped
	 * @param copier the copy into the catalog's own database
	 * @param reconciliation the comparison of the two copies, or null once the old is
	 * gone
	 * @param cutover what the cutover did, once it ran in this process
	 */
	public record Status(String phase, String description, @Nullable String next, @Nullable Stream stream,
			Copier copier, Reconciliation.@Nullable Report reconciliation, Migration.@Nullable Cutover cutover) {

	}

	/**
	 * The Debezium engine.
	 *
	 * @param database the database it streams
	 * @param slot its replication slot
	 * @param running whether it runs
	 */
	public record Stream(String database, String slot, boolean running) {

	}

	/**
	 * The copier, phase A's applier of the stream to the catalog's own database.
	 *
	 * @param running whether it consumes
	 * @param applied changes that wrote a row since start
	 * @param skipped changes at or below their row's LSN since start
	 * @param appliedLsn the highest source LSN applied or skipped
	 * @param lagCount how many changes the lag was measured on
	 * @param lagP50Millis the median commit-to-apply lag, bucketed
	 * @param lagP99Millis the 99th percentile, bucketed
	 */
	public record Copier(boolean running, long applied, long skipped, long appliedLsn, long lagCount,
			@Nullable Double lagP50Millis, @Nullable Double lagP99Millis) {

	}

}
