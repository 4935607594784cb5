package workshop.slides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A code span written {@code `x`} closes only before a character that is not part of a
 * word, and to Asciidoctor a Hangul syllable is: {@code `./workshop run`이} shows its
 * backticks on the slide. Before a Korean particle the span must be unconstrained,
 * {@code ``./workshop run``이}.
 */
class KoreanCodeSpanTests {

	private static final Pattern STUCK = Pattern.compile("(?<!`)`[^`\\n]+`(?=[\\uAC00-\\uD7A3])");

	@Test
	void everyCodeSpanBeforeKoreanRendersAsCode() throws IOException {
		List<String> stuck = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("ko"))) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".adoc")).sorted().toList()) {
				stuck.addAll(stuckSpans(file.toString(), Files.readString(file)));
			}
		}
		assertThat(stuck).as("write them ``like this``").isEmpty();
	}

	@Test
	void findsACodeSpanStuckToAParticle() {
		assertThat(stuckSpans("ko/x.adoc", "노트북에서는 `./workshop run`이 작은 오케스트레이터\n``k8s/``의 `a` 와"))
			.containsExactly("ko/x.adoc:1: `./workshop run`이");
	}

	static List<String> stuckSpans(String file, String text) {
		List<String> stuck = new ArrayList<>();
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher span = STUCK.matcher(lines[i]);
			while (span.find()) {
				stuck.add(file + ":" + (i + 1) + ": " + span.group() + lines[i].charAt(span.end()));
			}
		}
		return stuck;
	}

}
