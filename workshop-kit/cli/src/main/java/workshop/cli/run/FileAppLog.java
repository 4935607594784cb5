package workshop.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every app line, prefixed with the app's name, to one file. Used when nobody
 * watches the output ({@code ./workshop bench}).
 */
public final class FileAppLog implements AppLog, AutoCloseable {

	private final Path file;

	private final Writer writer;

	/**
	 * Opens the log, replacing an older one.
	 * @param file the log file; its folder is created if needed
	 */
	public FileAppLog(Path file) {
		this.file = file;
		try {
			Files.createDirectories(file.getParent());
			this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns the log file.
	 * @return the file
	 */
	public Path file() {
		return this.file;
	}

	@Override
	public synchronized void line(String app, int index, String line) {
		try {
			this.writer.write(app + " | " + line + System.lineSeparator());
			this.writer.flush();
		}
		catch (IOException ex) {
			// A full disk must not stop the app: its lines are lost, the app keeps
			// running.
		}
	}

	@Override
	public synchronized void close() {
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			// Nothing left to save.
		}
	}

}
