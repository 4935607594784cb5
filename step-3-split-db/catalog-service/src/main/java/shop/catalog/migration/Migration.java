package shop.catalog.migration;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.Flyway;

import org.springframework.context.SmartLifecycle;

import shop.catalog.cdc.ChangeStream;
import shop.catalog.cdc.ChangeStreams;
import shop.catalog.cdc.DatabaseLogin;
import shop.catalog.cdc.ProductCopier;
import shop.catalog.cdc.ProductCopy;
import shop.catalog.cdc.SnapshotProgress;

/**
 * Runs the phases of the move. At start it resumes the phase stored: in phase A it
 * streams the old home and copies the stream into the catalog's own database; from phase
 * B on it streams the catalog's own database. {@link #advance} moves one phase on.
 */
public class Migration implements SmartLifecycle {

	private static final Log log = LogFactory.getLog(Migration.class);

	/** The longest a write waits for the cutover. */
	static final Duration PAUSE = Duration.ofSeconds(1);

	private final DatabaseLogin oldHome;

	private final DatabaseLogin ownDatabase;

	private final Flyway oldHomeRetirement;

	private final HomeDataSource home;

	private final PhaseStore phases;

	private final WriteGate gate;

	private final Reconciliation reconciliation;

	private final ChangeStreams streams;

	private final ProductCopy copy;

	private volatile Phase phase;

	private volatile ChangeStream stream;

	private volatile ProductCopier copier;

	private volatile Cutover lastCutover;

	Migration(DatabaseLogin oldHome, DatabaseLogin ownDatabase, Flyway oldHomeRetirement, HomeDataSource home,
			PhaseStore phases, WriteGate gate, Reconciliation reconciliation, ChangeStreams streams, ProductCopy copy) {
		this.oldHome = oldHome;
		this.ownDatabase = ownDatabase;
		this.oldHomeRetirement = oldHomeRetirement;
		this.home = home;
		this.phases = phases;
		this.gate = gate;
		this.reconciliation = reconciliation;
		this.streams = streams;
		this.copy = copy;
		this.phase = phases.read();
	}

	@Override
	public synchronized void start() {
		if (this.phase == Phase.A) {
			this.copier = this.streams.copier(this.copy);
			this.streams.createPublication(this.oldHome);
			this.stream = this.streams.stream(this.oldHome, true);
		}
		else {
			this.streams.createSlot(this.ownDatabase);
			this.stream = this.streams.stream(this.ownDatabase, false);
		}
	}

	@Override
	public synchronized void stop() {
		closeStreamAndCopier();
	}

	@Override
	public boolean isRunning() {
		return this.stream != null;
	}

	/**
	 * Moves to the next phase.
	 * @param target the phase to move to: the one after the current phase
	 * @return the phase now, never null
	 * @throws MigrationRefusedException if the target is not the next phase, or the two
	 * copies disagree before a cutover
	 */
	public synchronized Phase advance(Phase target) {
		if (target == this.phase) {
			return this.phase;
		}
		if (target.ordinal() != this.phase.ordinal() + 1) {
			throw new MigrationRefusedException("The catalog is in phase " + this.phase
					+ "; phases move one at a time, " + "so the next is " + next() + ", not " + target + ".");
		}
		if (target == Phase.B) {
			cutOver();
		}
		else {
			retireOldHome();
		}
		return this.phase;
	}

	private void cutOver() {
		// the slot exists before the pause, so no change to the new home is ever missed
		this.streams.createSlot(this.ownDatabase);
		long started = System.nanoTime();
		try {
			if (!this.gate.close(PAUSE.dividedBy(2))) {
				throw new MigrationRefusedException("Writes to the catalog did not finish within "
						+ PAUSE.dividedBy(2).toMillis() + " ms, so the cutover did not pause them; try again.");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrationRefusedException("Interrupted before the cutover paused writes.");
		}
		// tag::cut-over[]
		try {
			drain(started);
			this.phases.save(Phase.B);
			this.home.switchTo(Phase.B);
			this.phase = Phase.B;
			// the copier's own writes until now are the old home's changes: not streamed
			// again
			this.streams.advanceSlot(this.ownDatabase);
		}
		finally {
			this.gate.open();
		}
		this.lastCutover = new Cutover(Duration.ofNanos(System.nanoTime() - started).toMillis(),
				this.copy.appliedLsn());
		ChangeStream old = this.stream;
		this.stream = this.streams.stream(this.ownDatabase, false);
		old.close();
		// end::cut-over[]
		log.info("The catalog cut over to its own database; writes paused " + this.lastCutover.pausedMillis() + " ms");
	}

	/**
	 * Waits, with writes paused, until the copy has every change of the old home, then
	 * stops the copier. The old home no longer changes, so once both sides agree row by
	 * row the stream has been applied to the end.
	 */
	private void drain(long started) {
		long deadline = started + PAUSE.toNanos() * 3 / 4;
		Reconciliation.Report report = this.reconciliation.compare();
		while (!report.agree()) {
			if (System.nanoTime() > deadline) {
				throw new MigrationRefusedException(disagreement(report));
			}
			LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
			report = this.reconciliation.compare();
		}
		ProductCopier stopped = this.copier;
		this.copier = null;
		stopped.halt();
		Reconciliation.Report after = this.reconciliation.compare();
		if (!after.agree()) {
			this.copier = this.streams.copier(this.copy);
			throw new MigrationRefusedException(disagreement(after));
		}
	}

	/**
	 * Repairs whatever follows the stream: the engine reads the products table of the
	 * database it streams again, in chunks, while it goes on streaming, and every row it
	 * reads reaches the copy and the replicas as a change, applied where their row is
	 * older. In phase A the copy's rows that the old home does not have are deleted
	 * first, since no read of the old home brings them.
	 * @return the snapshot asked for
	 * @throws MigrationRefusedException when the stream is not running, or a repair still
	 * runs
	 */
	public synchronized SnapshotProgress.Snapshot repair() {
		if (this.stream == null || !this.stream.running()) {
			throw new MigrationRefusedException("The catalog's change stream is not running, so it cannot read "
					+ "the products again; restart the catalog service, then repair.");
		}
		if (this.streams.snapshot().running()) {
			throw new MigrationRefusedException("A repair is still running; GET /actuator/repair shows how far it is.");
		}
		int removed = (this.phase == Phase.A) ? this.copy.remove(this.reconciliation.onlyInOwnDatabase()) : 0;
		return this.streams.requestSnapshot((this.phase == Phase.A) ? this.oldHome : this.ownDatabase, removed);
	}

	/**
	 * The repair last asked for.
	 * @return its progress, state {@code NONE} before the first
	 */
	public SnapshotProgress.Snapshot lastRepair() {
		return this.streams.snapshot().snapshot();
	}

	private void retireOldHome() {
		this.oldHomeRetirement.migrate();
		this.streams.dropSlot(this.oldHome);
		this.phases.save(Phase.C);
		this.phase = Phase.C;
		log.info("The catalog's old copy, its slot and its publication are gone");
	}

	private void closeStreamAndCopier() {
		if (this.copier != null) {
			this.copier.close();
			this.copier = null;
		}
		if (this.stream != null) {
			this.stream.close();
			this.stream = null;
		}
	}

	private static String disagreement(Reconciliation.Report report) {
		return "With writes paused, the old home and the catalog database still disagree on " + report.drifting()
				+ " of " + Math.max(report.oldHome(), report.ownDatabase()) + " rows of " + report.table()
				+ ", so the catalog stays in phase A and writes resumed; GET /actuator/migration lists them.";
	}

	/**
	 * The current phase.
	 * @return the phase, never null
	 */
	public Phase phase() {
		return this.phase;
	}

	/**
	 * The phase after the current one.
	 * @return the next phase, or null in the last
	 */
	public Phase next() {
		return (this.phase == Phase.C) ? null : Phase.values()[this.phase.ordinal() + 1];
	}

	ChangeStream stream() {
		return this.stream;
	}

	ProductCopier copier() {
		return this.copier;
	}

	ProductCopy copy() {
		return this.copy;
	}

	Cutover lastCutover() {
		return this.lastCutover;
	}

	Reconciliation.Report reconcile() {
		return (this.phase == Phase.C) ? null : this.reconciliation.compare();
	}

	String slotName(boolean ownDatabase) {
		return this.streams.slot(Objects.requireNonNull(ownDatabase ? this.ownDatabase : this.oldHome));
	}

	/**
	 * What the cutover did.
	 *
	 * @param pausedMillis how long writes waited
	 * @param appliedLsn the last source position the copier had applied
	 */
	record Cutover(long pausedMillis, long appliedLsn) {

	}

}
