package shop.shared.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code instance} of a problem: the path the client asked for, made safe to send
 * back. The answer is always a valid URI reference, whatever arrived: a character that a
 * URI path may not hold (a NUL, a backslash, a space, a {@code %} not followed by two hex
 * digits) is percent-encoded, and a path longer than {@value #MAX_LENGTH} characters is
 * cut there and ends with {@code ...}, so no answer echoes a huge path.
 */
final class ProblemInstance {

	/** The longest instance, before the {@code ...} that marks a cut path. */
	static final int MAX_LENGTH = 256;

	private static final String HEX = "0123456789ABCDEF";

	private ProblemInstance() {
	}

	/**
	 * The instance for a path.
	 * @param path the path as it arrived, still percent-encoded; null or empty when the
	 * server could not read it
	 * @return the instance, or null when there is no path to name
	 */
	static URI of(String path) {
		if (path == null || path.isEmpty()) {
			return null;
		}
		StringBuilder instance = new StringBuilder();
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (isPathCharacter(c) || (c == '%' && isEscape(path, i))) {
				instance.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					instance.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
				}
			}
		}
		if (instance.length() > MAX_LENGTH) {
			int end = MAX_LENGTH;
			int lastEscape = instance.lastIndexOf("%", end - 1);
			if (lastEscape > end - 3) {
				end = lastEscape; // never cut a %XX escape in two
			}
			instance.setLength(end);
			instance.append("...");
		}
		return URI.create(instance.toString());
	}

	/** Letters, digits and the punctuation RFC 3986 allows in a path. */
	private static boolean isPathCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
				|| "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
	}

	private static boolean isEscape(String path, int percent) {
		return percent + 2 < path.length() && isHexDigit(path.charAt(percent + 1))
				&& isHexDigit(path.charAt(percent + 2));
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
