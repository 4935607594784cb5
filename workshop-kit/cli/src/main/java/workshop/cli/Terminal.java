package workshop.cli;

/**
 * Colors for output that goes to a person. When the output is not a terminal (a pipe, a
 * file, a test), every method returns the text unchanged.
 */
public final class Terminal {

	private static final String RESET = "\u001B[0m";

	private static final String[] APP_COLORS = { "\u001B[36m", "\u001B[35m", "\u001B[33m", "\u001B[34m", "\u001B[32m",
			"\u001B[96m", "\u001B[95m", "\u001B[93m" };

	private final boolean colored;

	private Terminal(boolean colored) {
		this.colored = colored;
	}

	/**
	 * Returns a terminal that colors only when standard output is an interactive console.
	 * @return the terminal, never null
	 */
	public static Terminal detect() {
		return new Terminal(System.console() != null && System.getenv("NO_COLOR") == null);
	}

	/**
	 * Returns a terminal that never colors.
	 * @return the terminal, never null
	 */
	public static Terminal plain() {
		return new Terminal(false);
	}

	/**
	 * Returns whether this terminal colors its output.
	 * @return true when colored
	 */
	public boolean colored() {
		return this.colored;
	}

	/**
	 * Colors text with the color of the n-th app, so every app of a step keeps one color.
	 * @param index the app's position in its step
	 * @param text the text
	 * @return the colored text
	 */
	public String app(int index, String text) {
		return paint(APP_COLORS[index % APP_COLORS.length], text);
	}

	/**
	 * Colors text as good news.
	 * @param text the text
	 * @return the colored text
	 */
	public String green(String text) {
		return paint("\u001B[32m", text);
	}

	/**
	 * Colors text as a problem.
	 * @param text the text
	 * @return the colored text
	 */
	public String red(String text) {
		return paint("\u001B[31m", text);
	}

	/**
	 * Colors text as a warning.
	 * @param text the text
	 * @return the colored text
	 */
	public String yellow(String text) {
		return paint("\u001B[33m", text);
	}

	/**
	 * Makes text stand out.
	 * @param text the text
	 * @return the emphasized text
	 */
	public String bold(String text) {
		return paint("\u001B[1m", text);
	}

	private String paint(String color, String text) {
		return this.colored ? color + text + RESET : text;
	}

	/**
	 * Returns the length of text as it shows, without color codes.
	 * @param text the text, perhaps colored
	 * @return the number of characters that show
	 */
	public static int visibleLength(String text) {
		return text.replaceAll("\u001B\\[[0-9;]*m", "").length();
	}

}
