package workshop.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run as its own JVM by {@link ServerDirectoryTests}: exits 0 when it could take the lock
 * of the file it is given (nobody holds it), 1 when another process holds it.
 */
public final class LockProbe {

	private LockProbe() {
	}

	public static void main(String[] args) throws IOException {
		try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			System.exit((lock != null) ? 0 : 1);
		}
	}

}
