package workshop.cli.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code .workshop/session.json}: how another terminal finds the step that runs in this
 * folder. Written once the step is up, deleted when it stops; readable by its owner only,
 * since it holds the token that control requests must carry.
 *
 * @param step the step's id
 * @param pid the process id of the workshop command that runs it
 * @param port the loopback port of its control endpoint
 * @param token the secret that changing requests carry in {@code X-Workshop-Token}
 */
public record SessionFile(String step, long pid, int port, String token) {

	private static final String NAME = "session.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Returns the control endpoint's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Returns whether the workshop command that wrote it still runs.
	 * @return true when its process is alive
	 */
	public boolean isAlive() {
		return ProcessHandle.of(this.pid).map(ProcessHandle::isAlive).orElse(false);
	}

	/**
	 * Reads the file of a folder.
	 * @param workDir the workspace's own folder
	 * @return the file, or empty when there is none or it cannot be read
	 */
	public static Optional<SessionFile> read(Path workDir) {
		Path file = workDir.resolve(NAME);
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(file.toFile(), SessionFile.class));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Writes the file, replacing any other in one step.
	 * @param workDir the workspace's own folder
	 */
	void write(Path workDir) {
		try {
			Files.createDirectories(workDir);
			Path temporary = Files.createTempFile(workDir, "session", ".tmp");
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temporary, JSON.writeValueAsString(this));
			try {
				Files.move(temporary, workDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, workDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + workDir.resolve(NAME), ex);
		}
	}

	/**
	 * Deletes the file if it is this session's.
	 * @param workDir the workspace's own folder
	 */
	void delete(Path workDir) {
		if (read(workDir).filter(this::equals).isPresent()) {
			try {
				Files.deleteIfExists(workDir.resolve(NAME));
			}
			catch (IOException ex) {
				// A stale file is recognised by its dead pid.
			}
		}
	}

	/**
	 * Deletes a file whose workshop command is gone.
	 * @param workDir the workspace's own folder
	 */
	static void deleteStale(Path workDir) {
		read(workDir).filter((file) -> !file.isAlive()).ifPresent((stale) -> {
			try {
				Files.deleteIfExists(workDir.resolve(NAME));
			}
			catch (IOException ex) {
				// Left: still recognised as stale.
			}
		});
	}

}
