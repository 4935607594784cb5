package workshop.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The workshop command running as its own process, as a user starts it, with its output
 * collected line by line.
 */
public final class CliProcess {

	private final Process process;

	private final List<String> out = new CopyOnWriteArrayList<>();

	private final List<String> err = new CopyOnWriteArrayList<>();

	private final List<Thread> readers = new ArrayList<>();

	private CliProcess(Process process) {
		this.process = process;
		this.readers.add(collect(process.getInputStream(), this.out));
		this.readers.add(collect(process.getErrorStream(), this.err));
	}

	/**
	 * Starts {@code ./workshop <args>} on a workshop folder, with this JVM's class path.
	 * @param root the folder holding workshop.yaml
	 * @param args the arguments
	 * @return the running command
	 */
	public static CliProcess start(Path root, String... args) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dworkshop.root=" + root,
						"-cp", System.getProperty("java.class.path"), WorkshopCommand.class.getName()));
		command.addAll(List.of(args));
		try {
			return new CliProcess(new ProcessBuilder(command).start());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits for the command to end and for all of its output to be read.
	 * @param limit how long to wait
	 * @return true when it ended in time
	 * @throws InterruptedException when interrupted
	 */
	public boolean waitFor(Duration limit) throws InterruptedException {
		if (!this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			return false;
		}
		for (Thread reader : this.readers) {
			reader.join(limit.toMillis());
		}
		return true;
	}

	public Process process() {
		return this.process;
	}

	public List<String> outLines() {
		return List.copyOf(this.out);
	}

	public String out() {
		return String.join("\n", this.out);
	}

	public String err() {
		return String.join("\n", this.err);
	}

	private static Thread collect(InputStream stream, List<String> lines) {
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					lines.add(line);
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		});
		reader.setDaemon(true);
		reader.start();
		return reader;
	}

}
