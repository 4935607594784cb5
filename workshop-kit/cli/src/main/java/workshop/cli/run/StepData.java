package workshop.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import workshop.cli.WorkshopException;
import workshop.infra.DataFolder;
import workshop.infra.EmbeddedPostgresServer;

/**
 * Where a running step keeps the data of its servers: either a folder of its own that
 * outlives the run ({@code .workshop/data/<step>/postgres}, {@code .../kafka}), locked
 * while a session uses it so that two runs never share it, or temporary folders deleted
 * when the session ends. Stopping, killing or starting a server never touches it.
 */
final class StepData implements AutoCloseable {

	private final Path folder;

	private final FileChannel lockChannel;

	private DataFolder postgres;

	private DataFolder kafka;

	private StepData(Path folder, FileChannel lockChannel) {
		this.folder = folder;
		this.lockChannel = lockChannel;
	}

	/**
	 * Data deleted at the end of the session.
	 * @return the data, never null
	 */
	static StepData temporary() {
		return new StepData(null, null);
	}

	/**
	 * Data kept in a folder between runs, locked until {@link #close()}.
	 * @param folder the step's data folder
	 * @param fresh whether to delete what it holds first
	 * @return the data, never null
	 * @throws WorkshopException when another run of the step holds the folder
	 */
	static StepData kept(Path folder, boolean fresh) {
		FileChannel channel = lock(folder);
		try {
			if (fresh) {
				deleteContents(folder);
			}
			return new StepData(folder, channel);
		}
		catch (RuntimeException ex) {
			release(channel);
			throw ex;
		}
	}

	/**
	 * Deletes a step's kept data.
	 * @param folder the step's data folder
	 * @return true when there was something to delete
	 * @throws WorkshopException when a run of the step holds the folder
	 */
	static boolean delete(Path folder) {
		if (!Files.isDirectory(folder)) {
			return false;
		}
		FileChannel channel = lock(folder);
		try {
			deleteContents(folder);
			Files.delete(folder);
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete " + folder, ex);
		}
		finally {
			release(channel);
			try {
				Files.deleteIfExists(lockFile(folder));
			}
			catch (IOException ex) {
				// Left for the next clean.
			}
		}
	}

	/**
	 * Returns whether the data outlives the session.
	 * @return true for kept data
	 */
	boolean isKept() {
		return this.folder != null;
	}

	/**
	 * Returns the folder of the kept data.
	 * @return the folder, or null for temporary data
	 */
	Path folder() {
		return this.folder;
	}

	/**
	 * Returns PostgreSQL's data folder, made on first call.
	 * @return the folder
	 */
	synchronized DataFolder postgres() {
		if (this.postgres == null) {
			this.postgres = isKept() ? DataFolder.kept(this.folder.resolve("postgres"))
					: DataFolder.temporary("postgres");
		}
		return this.postgres;
	}

	/**
	 * Returns Kafka's data folder, made on first call.
	 * @return the folder
	 */
	synchronized DataFolder kafka() {
		if (this.kafka == null) {
			this.kafka = isKept() ? DataFolder.kept(this.folder.resolve("kafka")) : DataFolder.temporary("kafka");
		}
		return this.kafka;
	}

	/** Deletes temporary data, then releases the lock of kept data. */
	@Override
	public synchronized void close() {
		if (this.postgres != null) {
			this.postgres.close();
		}
		if (this.kafka != null) {
			this.kafka.close();
		}
		release(this.lockChannel);
	}

	private static FileChannel lock(Path folder) {
		try {
			Files.createDirectories(folder.getParent());
			FileChannel channel = FileChannel.open(lockFile(folder), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new WorkshopException("The data in " + folder + " is in use by a running step."
						+ " Stop that run first (Ctrl-C in its terminal, or ./workshop stop).");
			}
			return channel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot lock " + folder, ex);
		}
	}

	private static Path lockFile(Path folder) {
		return folder.resolveSibling(folder.getFileName() + ".lock");
	}

	private static void release(FileChannel channel) {
		if (channel == null) {
			return;
		}
		try {
			channel.close();
		}
		catch (IOException ex) {
			// The lock goes with the process anyway.
		}
	}

	private static void deleteContents(Path folder) {
		if (!Files.isDirectory(folder)) {
			return;
		}
		EmbeddedPostgresServer.stopLeftOver(folder.resolve("postgres"));
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				if (!file.equals(folder)) {
					Files.delete(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the data in " + folder, ex);
		}
	}

}
