package workshop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an embedded server keeps its data: a temporary folder deleted when the server
 * stops, or a folder the caller names and keeps, so that a server stopped, killed or
 * started again (even by another JVM) finds its data where it left it.
 */
public final class DataFolder implements AutoCloseable {

	private final Path path;

	private final ServerDirectory temporary;

	private DataFolder(Path path, ServerDirectory temporary) {
		this.path = path;
		this.temporary = temporary;
	}

	/**
	 * A new empty folder under {@code <java.io.tmpdir>/workshop-infra}, deleted on
	 * {@link #close()}; one that a killed JVM left behind is removed by the next embedded
	 * server started on the machine.
	 * @param kind the server kind, such as {@code postgres}
	 * @return the folder, never {@code null}
	 */
	public static DataFolder temporary(String kind) {
		ServerDirectory directory = ServerDirectory.create(kind);
		return new DataFolder(directory.path(), directory);
	}

	/**
	 * A folder that outlives the server: created when missing, never deleted here. The
	 * caller makes sure that one server at a time uses it.
	 * @param path the folder
	 * @return the folder, never {@code null}
	 */
	public static DataFolder kept(Path path) {
		try {
			return new DataFolder(Files.createDirectories(path).toAbsolutePath(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + path, ex);
		}
	}

	/**
	 * Returns the folder.
	 * @return an absolute path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Returns whether the data outlives the server.
	 * @return true for a {@link #kept} folder
	 */
	public boolean isKept() {
		return this.temporary == null;
	}

	/** Deletes a temporary folder; leaves a kept one as it is. */
	@Override
	public void close() {
		if (this.temporary != null) {
			this.temporary.close();
		}
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

}
