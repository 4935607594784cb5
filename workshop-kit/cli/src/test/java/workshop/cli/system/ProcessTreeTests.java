package workshop.cli.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory of a process tree as the operating system reports it, read from this JVM's own
 * {@code /proc} entries.
 */
@EnabledOnOs(OS.LINUX)
class ProcessTreeTests {

	@Test
	void readsTheResidentAndTheProportionalSetOfARunningProcess() {
		long resident = ProcessTree.residentBytes(ProcessHandle.current());
		long proportional = ProcessTree.proportionalBytes(ProcessHandle.current());

		assertThat(resident).isGreaterThan(16L << 20);
		assertThat(proportional).isGreaterThan(16L << 20).isLessThanOrEqualTo(resident + (16L << 20));
	}

	@Test
	void knowsNothingOfAProcessThatIsGone() throws Exception {
		Process process = new ProcessBuilder("true").start();
		process.waitFor();
		ProcessHandle gone = process.toHandle();

		assertThat(ProcessTree.residentBytes(gone)).isEqualTo(-1);
		assertThat(ProcessTree.proportionalBytes(gone)).isEqualTo(-1);
	}

}
