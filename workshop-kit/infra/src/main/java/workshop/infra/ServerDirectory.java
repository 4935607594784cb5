package workshop.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory of one embedded server, under
 * {@code <java.io.tmpdir>/workshop-infra}, removed on {@link #close()}.
 *
 * <p>
 * Beside each directory {@code kind-N} lies a lock file {@code kind-N.lock} that its JVM
 * holds while the server runs; the operating system releases it when that JVM dies, even
 * by {@code kill -9}. A directory whose lock is free was abandoned: before creating a new
 * one, its PostgreSQL process (if still running) is stopped and the directory deleted.
 */
final class ServerDirectory implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ServerDirectory.class);

	private static final String LOCK_SUFFIX = ".lock";

	/**
	 * The lock files this JVM holds. They must never be opened a second time here: on
	 * Linux, closing any channel of a file releases every lock the process holds on it,
	 * so checking our own lock would give it up.
	 */
	private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

	private final Path path;

	private final Path lockFile;

	private final FileChannel lockChannel;

	private ServerDirectory(Path path, Path lockFile, FileChannel lockChannel) {
		this.path = path;
		this.lockFile = lockFile;
		this.lockChannel = lockChannel;
	}

	/**
	 * Removes abandoned directories, then creates a new empty one.
	 * @param kind the server kind, used as the name prefix ({@code postgres},
	 * {@code kafka})
	 */
	static ServerDirectory create(String kind) {
		try {
			Path root = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "workshop-infra"));
			removeAbandoned(root);
			// The lock comes first, so no other JVM ever sees this directory unlocked.
			Path lockFile = Files.createTempFile(root, kind + "-", LOCK_SUFFIX);
			FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
			lockChannel.lock();
			HELD.add(lockFile);
			Path path = Files.createDirectory(directoryOf(lockFile));
			return new ServerDirectory(path, lockFile, lockChannel);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path path() {
		return this.path;
	}

	/** Deletes the directory, then releases and deletes its lock. */
	@Override
	public void close() {
		try {
			delete(this.path);
		}
		finally {
			try {
				this.lockChannel.close();
				HELD.remove(this.lockFile);
				Files.deleteIfExists(this.lockFile);
			}
			catch (IOException ex) {
				logger.warn("Could not delete {}: {}", this.lockFile, ex.getMessage());
			}
		}
	}

	@Override
	public String toString() {
		return this.path.toString();
	}

	private static void removeAbandoned(Path root) throws IOException {
		List<Path> lockFiles;
		try (Stream<Path> entries = Files.list(root)) {
			lockFiles = entries.filter((entry) -> entry.getFileName().toString().endsWith(LOCK_SUFFIX))
				.collect(Collectors.toList());
		}
		for (Path lockFile : lockFiles) {
			if (HELD.contains(lockFile)) {
				continue;
			}
			try {
				if (removeIfAbandoned(lockFile)) {
					// Deleted only once closed: Windows refuses to delete an open file.
					Files.deleteIfExists(lockFile);
				}
			}
			catch (NoSuchFileException ex) {
				// Another JVM removed it meanwhile.
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Could not remove {}: {}", directoryOf(lockFile), ex.getMessage());
			}
		}
	}

	/** Removes the directory if no running JVM holds its lock; says whether it did. */
	private static boolean removeIfAbandoned(Path lockFile) throws IOException {
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				return false;
			}
			Path abandoned = directoryOf(lockFile);
			logger.warn("Removing {}, left behind by a JVM that did not stop its server", abandoned);
			Postmaster.stopAbandoned(abandoned);
			delete(abandoned);
			return true;
		}
		catch (OverlappingFileLockException ex) {
			// Held by this JVM: a server that is running.
			return false;
		}
	}

	private static Path directoryOf(Path lockFile) {
		String name = lockFile.getFileName().toString();
		return lockFile.resolveSibling(name.substring(0, name.length() - LOCK_SUFFIX.length()));
	}

	private static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

}
