package workshop.cli.system;

import java.util.List;
import java.util.Optional;

/**
 * Processes a workshop session started and lost: each app and server JVM is started with
 * {@link #ownerOption()}, naming the process that owns it. When that owner died without
 * stopping them (a {@code kill -9} of the workshop command, a crashed test JVM), they are
 * orphans: they hold ports and data folders, and the next session stops them.
 */
public final class Orphans {

	private static final String OWNER_PROPERTY = "-Dworkshop.owner=";

	private Orphans() {
	}

	/**
	 * Returns the JVM option that marks a process as started by this one.
	 * @return {@code -Dworkshop.owner=<this pid>}
	 */
	public static String ownerOption() {
		return OWNER_PROPERTY + ProcessHandle.current().pid();
	}

	/** Whose a process is, for messages about a port it holds. */
	public enum Ownership {

		/** Not started by a workshop session. */
		NOT_OURS,
		/** An app or server of a session that still runs. */
		RUNNING_STEP,
		/** Started by a session that is gone: the next session stops it. */
		ORPHAN

	}

	/**
	 * Says whose a process is.
	 * @param pid the process id
	 * @return its ownership, {@link Ownership#NOT_OURS} when it does not run
	 */
	public static Ownership ownership(long pid) {
		return ProcessHandle.of(pid)
			.flatMap(Orphans::owner)
			.map((owner) -> ProcessHandle.of(owner).isPresent() ? Ownership.RUNNING_STEP : Ownership.ORPHAN)
			.orElse(Ownership.NOT_OURS);
	}

	/**
	 * Kills every process whose owner is gone, with its descendants.
	 * @return the orphans that were killed, never null
	 */
	public static List<ProcessHandle> reap() {
		List<ProcessHandle> orphans = ProcessHandle.allProcesses()
			.filter((process) -> owner(process).filter((owner) -> ProcessHandle.of(owner).isEmpty()).isPresent())
			.toList();
		orphans.forEach((orphan) -> ProcessTree.kill(orphan));
		return orphans;
	}

	private static Optional<Long> owner(ProcessHandle process) {
		String[] arguments = process.info().arguments().orElse(new String[0]);
		for (String argument : arguments) {
			if (argument.startsWith(OWNER_PROPERTY)) {
				try {
					return Optional.of(Long.parseLong(argument.substring(OWNER_PROPERTY.length())));
				}
				catch (NumberFormatException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

}
