package workshop.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data directories of embedded servers are removed when the server stops, and also when
 * the JVM that owned them died without stopping it.
 */
class ServerDirectoryTests {

	private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "workshop-infra");

	@Test
	void deletesTheDirectoryAndItsLockOnClose() throws IOException {
		ServerDirectory directory = ServerDirectory.create("test");
		Files.writeString(directory.path().resolve("data"), "rows");

		directory.close();

		assertThat(directory.path()).doesNotExist();
		assertThat(lockFileOf(directory.path())).doesNotExist();
	}

	@Test
	void removesADirectoryWhoseOwnerDiedButKeepsOnesInUse() throws IOException {
		Path abandoned = Files.createDirectories(ROOT.resolve("test-abandoned"));
		Files.writeString(abandoned.resolve("data"), "rows");
		Files.writeString(lockFileOf(abandoned), "");
		try (ServerDirectory inUse = ServerDirectory.create("test");
				ServerDirectory next = ServerDirectory.create("test")) {
			assertThat(abandoned).doesNotExist();
			assertThat(lockFileOf(abandoned)).doesNotExist();
			assertThat(inUse.path()).isDirectory();
			assertThat(next.path()).isDirectory();
		}
	}

	@Test
	void keepsHoldingItsLockWhileItCreatesAnotherDirectory() throws Exception {
		try (ServerDirectory first = ServerDirectory.create("test")) {
			try (ServerDirectory second = ServerDirectory.create("test")) {
				assertThat(heldByAnotherProcess(lockFileOf(first.path()))).as("the first lock").isTrue();
				assertThat(heldByAnotherProcess(lockFileOf(second.path()))).as("the second lock").isTrue();
			}
			assertThat(first.path()).isDirectory();
		}
	}

	/** Asks another JVM to take the lock: only it sees what this JVM holds. */
	private static boolean heldByAnotherProcess(Path lockFile) throws Exception {
		Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LockProbe.class.getName(), lockFile.toString())
			.inheritIO()
			.start();
		return probe.waitFor() == 1;
	}

	private static Path lockFileOf(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".lock");
	}

}
