package workshop.cli.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of what an app's {@code /actuator/prometheus} answers, in the Prometheus
 * text format that Micrometer writes: one sample per line, a name, its labels in braces,
 * and a value. Comment lines and lines that are not samples are left out.
 */
public final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * One sample.
	 *
	 * @param name the metric's name, such as {@code http_server_requests_seconds_count}
	 * @param labels its labels, in the order written
	 * @param value its value; 0 for a value that is not a number
	 */
	public record Sample(String name, Map<String, String> labels, double value) {

		/**
		 * Returns a label.
		 * @param label the label's name
		 * @return its value, or an empty string when the sample has no such label
		 */
		public String label(String label) {
			return this.labels.getOrDefault(label, "");
		}

	}

	/**
	 * Reads every sample of a scrape.
	 * @param text what {@code /actuator/prometheus} answered
	 * @return the samples, in the order written
	 */
	public static List<Sample> parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int braces = line.indexOf('{');
			int space = (braces < 0) ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
			if (space < 0) {
				continue;
			}
			String name = line.substring(0, (braces < 0) ? space : braces);
			Map<String, String> labels = (braces < 0) ? Map.of()
					: labels(line.substring(braces + 1, line.lastIndexOf('}')));
			samples.add(new Sample(name, labels, value(line.substring(space + 1).strip())));
		}
		return samples;
	}

	private static Map<String, String> labels(String text) {
		Map<String, String> labels = new LinkedHashMap<>();
		int at = 0;
		while (at < text.length()) {
			int equals = text.indexOf('=', at);
			if (equals < 0 || equals + 1 >= text.length() || text.charAt(equals + 1) != '"') {
				break;
			}
			StringBuilder value = new StringBuilder();
			int i = equals + 2;
			while (i < text.length() && text.charAt(i) != '"') {
				if (text.charAt(i) == '\\' && i + 1 < text.length()) {
					i++;
				}
				value.append(text.charAt(i));
				i++;
			}
			labels.put(text.substring(at, equals).strip(), value.toString());
			at = text.indexOf(',', i);
			at = (at < 0) ? text.length() : at + 1;
		}
		return labels;
	}

	private static double value(String text) {
		int space = text.indexOf(' ');
		String number = (space < 0) ? text : text.substring(0, space);
		try {
			return Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
