package workshop.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A process together with everything it started. Stopping it stops them all, so nothing
 * is left behind when an app forks helpers.
 */
public final class ProcessTree {

	private ProcessTree() {
	}

	/**
	 * Stops a process and its descendants: asks politely (SIGTERM, which lets a Spring
	 * app close its context), waits up to the grace period, then kills whatever is left.
	 * @param process the root of the tree
	 * @param grace how long to wait for a clean exit
	 */
	public static void stop(ProcessHandle process, Duration grace) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(0, process);
		tree.forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ProcessHandle member : tree) {
			long left = deadline - System.nanoTime();
			try {
				member.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				member.destroyForcibly();
			}
		}
		// Children started while we waited are killed too.
		tree.forEach((member) -> member.descendants().forEach(ProcessHandle::destroyForcibly));
		for (ProcessHandle member : tree) {
			try {
				member.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// A process that survives SIGKILL for 5 s is beyond our reach.
			}
		}
	}

	/**
	 * Kills a process and its descendants at once (SIGKILL), as a crash would, and waits
	 * until they are gone.
	 * @param process the root of the tree
	 */
	public static void kill(ProcessHandle process) {
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(0, process);
		tree.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle member : tree) {
			try {
				member.onExit().get(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				// A process that survives SIGKILL for 10 s is beyond our reach.
			}
		}
	}

	/**
	 * Returns the resident memory of a process and its descendants, from
	 * {@code /proc/<pid>/status} ({@code VmRSS}).
	 * @param process the root of the tree
	 * @return the resident set in bytes, or -1 when it cannot be read (not Linux, process
	 * gone)
	 */
	public static long residentBytes(ProcessHandle process) {
		return sumOverTree(process, "status", "VmRSS:");
	}

	/**
	 * Returns the proportional memory of a process and its descendants, from
	 * {@code /proc/<pid>/smaps_rollup} ({@code Pss}): a page shared by several processes
	 * counts once, split between them. For a server with many processes that share
	 * memory, such as PostgreSQL and its shared buffers, the resident sets would add that
	 * memory once per process.
	 * @param process the root of the tree
	 * @return the proportional set in bytes, or -1 when it cannot be read (not Linux,
	 * process gone)
	 */
	public static long proportionalBytes(ProcessHandle process) {
		return sumOverTree(process, "smaps_rollup", "Pss:");
	}

	/**
	 * Returns the CPU time (user and system) of a process and of every process under it
	 * that still runs, as the operating system counts it.
	 * @param process the root of the tree
	 * @return the CPU time in nanoseconds, 0 for a process that cannot be read
	 */
	public static long cpuNanos(ProcessHandle process) {
		return Stream.concat(Stream.of(process), process.descendants())
			.mapToLong((each) -> each.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
			.sum();
	}

	private static long sumOverTree(ProcessHandle process, String file, String field) {
		long total = kilobytes(process.pid(), file, field);
		if (total < 0) {
			return -1;
		}
		for (ProcessHandle child : process.descendants().toList()) {
			total += Math.max(kilobytes(child.pid(), file, field), 0);
		}
		return total * 1024;
	}

	private static long kilobytes(long pid, String file, String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
				if (line.startsWith(field)) {
					return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux, or the process is gone.
		}
		return -1;
	}

}
