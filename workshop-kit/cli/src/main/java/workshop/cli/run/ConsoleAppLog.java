package workshop.cli.run;

import java.io.PrintWriter;

import workshop.cli.Terminal;

/**
 * Prints every app line prefixed with the app's name, padded so the lines align, in the
 * app's color when the output is a terminal:
 * {@code monolith | Started ShopApplication in 3.1 seconds}.
 */
public final class ConsoleAppLog implements AppLog {

	private final PrintWriter out;

	private final Terminal terminal;

	private final int width;

	/**
	 * Creates the log.
	 * @param out where to print
	 * @param terminal colors, or none
	 * @param width the length of the longest app name, to align the prefixes
	 */
	public ConsoleAppLog(PrintWriter out, Terminal terminal, int width) {
		this.out = out;
		this.terminal = terminal;
		this.width = width;
	}

	@Override
	public void line(String app, int index, String line) {
		String prefix = this.terminal.app(index, String.format("%-" + this.width + "s |", app));
		synchronized (this.out) {
			this.out.println(prefix + " " + line);
			this.out.flush();
		}
	}

}
