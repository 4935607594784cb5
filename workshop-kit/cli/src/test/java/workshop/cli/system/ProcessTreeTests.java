package workshop.cli.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

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

	@Test
	void addsTheCpuTimeOfTheProcessesUnderIt() throws Exception {
		long before = ProcessTree.cpuNanos(ProcessHandle.current());
		Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; sleep 5")
			.start();
		try {
			Thread.sleep(1500);
			long withChild = ProcessTree.cpuNanos(ProcessHandle.current());
			long childAlone = ProcessTree.cpuNanos(child.toHandle());

			assertThat(childAlone).as("the child's loop").isPositive();
			assertThat(withChild - before).as("this JVM's tree, the child in it").isGreaterThanOrEqualTo(childAlone);
		}
		finally {
			child.destroyForcibly().waitFor();
		}
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
