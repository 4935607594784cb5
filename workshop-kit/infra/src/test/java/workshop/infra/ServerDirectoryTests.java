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

	private static Path lockFileOf(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".lock");
	}

}
