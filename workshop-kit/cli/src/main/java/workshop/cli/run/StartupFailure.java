package workshop.cli.run;

import java.util.List;

/**
 * Picks, from the last lines an app printed, the one that best says why it stopped:
 * Spring Boot's failure description, else the deepest "Caused by", else the last error
 * line, else the last line.
 */
final class StartupFailure {

	private StartupFailure() {
	}

	/**
	 * Returns the line that explains the failure.
	 * @param lines the app's last lines, oldest first
	 * @return the explaining line, trimmed, never null
	 */
	static String cause(List<String> lines) {
		for (int i = 0; i < lines.size() - 1; i++) {
			if (lines.get(i).trim().equals("Description:")) {
				for (String next : lines.subList(i + 1, lines.size())) {
					if (!next.isBlank()) {
						return next.trim();
					}
				}
			}
		}
		String error = null;
		for (String line : lines) {
			if (line.trim().startsWith("Caused by:")) {
				error = line.trim();
			}
		}
		if (error != null) {
			return error;
		}
		for (String line : lines) {
			if (line.contains("ERROR") || line.contains("Exception") || line.contains("Error:")) {
				error = line.trim();
			}
		}
		if (error != null) {
			return error;
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (!lines.get(i).isBlank()) {
				return lines.get(i).trim();
			}
		}
		return "it printed nothing";
	}

}
