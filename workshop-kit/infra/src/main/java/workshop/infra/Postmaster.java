package workshop.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The PostgreSQL server process of a data folder, found through the first line of its
 * {@code postmaster.pid}, which PostgreSQL writes at start and removes at a clean stop.
 */
final class Postmaster {

	private static final long STOP_WAIT_SECONDS = 10;

	private Postmaster() {
	}

	/**
	 * Finds the server that runs on a data folder.
	 * @param dataDirectory the folder
	 * @return the running postmaster, empty when none runs there
	 */
	static Optional<ProcessHandle> running(Path dataDirectory) {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		Optional<String> firstLine;
		try (Stream<String> lines = Files.lines(pidFile)) {
			firstLine = lines.findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
		return firstLine.map(String::trim)
			.filter((line) -> line.matches("\\d+"))
			.flatMap((pid) -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().orElse("").contains("postgres"));
	}

	/**
	 * Stops a server left running on a data folder by a JVM that died without stopping
	 * it: SIGTERM (a fast shutdown), then SIGKILL after a while.
	 * @param dataDirectory the folder
	 */
	static void stopAbandoned(Path dataDirectory) {
		running(dataDirectory).ifPresent((postmaster) -> {
			postmaster.destroy();
			if (!awaitExit(postmaster, STOP_WAIT_SECONDS)) {
				killWithChildren(postmaster);
			}
		});
	}

	/**
	 * Kills a postmaster and every process it started (SIGKILL), as a power cut would,
	 * and waits until they are gone.
	 * @param postmaster the server process
	 */
	static void killWithChildren(ProcessHandle postmaster) {
		List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
		all.add(0, postmaster);
		all.forEach(ProcessHandle::destroyForcibly);
		all.forEach((process) -> awaitExit(process, STOP_WAIT_SECONDS));
	}

	private static boolean awaitExit(ProcessHandle process, long seconds) {
		try {
			process.onExit().get(seconds, TimeUnit.SECONDS);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
	}

}
