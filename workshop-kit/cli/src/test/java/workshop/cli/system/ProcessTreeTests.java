package workshop.cli.system;

import java.io.BufferedReader;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Memory and CPU time of a process tree as the operating system reports them, read from
 * this JVM's own {@code /proc} entries.
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

	/**
	 * A child shell runs a busy loop, says so on its output, then waits: read while it
	 * waits, its CPU time counts in this JVM's tree.
	 */
	@Test
	void addsTheCpuTimeOfTheProcessesUnderIt() throws Exception {
		long before = ProcessTree.cpuNanos(ProcessHandle.current());
		Process child = new ProcessBuilder("sh", "-c",
				"i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; echo looped; sleep 30")
			.start();
		try (BufferedReader output = child.inputReader()) {
			String said = assertTimeoutPreemptively(Duration.ofSeconds(60), output::readLine, "the child's loop");
			long withChild = ProcessTree.cpuNanos(ProcessHandle.current());
			long childAlone = ProcessTree.cpuNanos(child.toHandle());

			assertThat(said).isEqualTo("looped");
			assertThat(childAlone).as("the child's loop").isPositive();
			assertThat(withChild - before).as("this JVM's tree, the child in it").isGreaterThanOrEqualTo(childAlone);
		}
		finally {
			child.destroyForcibly().waitFor();
		}
	}

}
