package workshop.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average, printed with the results: on a shared machine
 * the absolute numbers only mean something next to it.
 */
final class LoadAverage {

	private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

	private LoadAverage() {
	}

	/**
	 * Returns the one-minute load average.
	 * @return such as {@code "3.42"}, or {@code "n/a"} where the system does not say
	 * (anything but Linux)
	 */
	static String now() {
		try {
			String[] fields = Files.readString(PROC_LOADAVG).trim().split("\\s+");
			return fields[0];
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

}
