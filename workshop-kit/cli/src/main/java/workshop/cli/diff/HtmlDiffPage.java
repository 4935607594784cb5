package workshop.cli.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders unified diffs as one self-contained HTML page for the slides: a header per
 * module and per file (renames shown as such), line numbers on both sides, added and
 * removed lines colored. No scripts, no external resources.
 */
final class HtmlDiffPage {

	private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@(.*)$");

	private static final String STYLE = """
			body { font-family: system-ui, sans-serif; margin: 2em; color: #1f2328; }
			h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 2px solid #d0d7de; }
			.note { color: #59636e; font-style: italic; }
			.file { border: 1px solid #d0d7de; border-radius: 6px; margin: 1em 0; overflow: hidden; }
			.file h3 { margin: 0; padding: .5em .8em; background: #f6f8fa; font: 600 .95em ui-monospace, monospace; }
			.file h3 .kind { font-weight: normal; color: #59636e; margin-left: .6em; }
			table { border-collapse: collapse; width: 100%; font: .85em/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
			td { padding: 0 .6em; white-space: pre-wrap; vertical-align: top; }
			td.n { width: 1%; min-width: 3em; text-align: right; color: #8c959f; user-select: none; }
			tr.add td { background: #dafbe1; } tr.add td.n { background: #ccffd8; }
			tr.del td { background: #ffebe9; } tr.del td.n { background: #ffd7d5; }
			tr.hunk td { background: #ddf4ff; color: #59636e; }
			""";

	private final StringBuilder html = new StringBuilder();

	/**
	 * Renders the page.
	 * @param title the page title, such as "step-0 → step-1"
	 * @param modules each module's pair and its unified diff (ignored for new and removed
	 * modules)
	 * @return the HTML document
	 */
	static String render(String title, List<ModuleDiff> modules) {
		HtmlDiffPage page = new HtmlDiffPage();
		page.html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
			.append(escape(title))
			.append("</title>\n<style>\n")
			.append(STYLE)
			.append("</style>\n</head>\n<body>\n<h1>")
			.append(escape(title))
			.append("</h1>\n");
		modules.forEach(page::module);
		page.html.append("</body>\n</html>\n");
		return page.html.toString();
	}

	private void module(ModuleDiff diff) {
		ModulePair pair = diff.pair();
		if (pair.isNew()) {
			this.html.append("<h2>").append(escape(pair.module())).append("</h2>\n<p class=\"note\">new module</p>\n");
			return;
		}
		if (pair.isRemoved()) {
			this.html.append("<h2>")
				.append(escape(pair.ancestor()))
				.append("</h2>\n<p class=\"note\">removed module</p>\n");
			return;
		}
		String heading = pair.ancestor().equals(pair.module()) ? pair.module()
				: pair.ancestor() + " → " + pair.module();
		this.html.append("<h2>").append(escape(heading)).append("</h2>\n");
		if (!pair.bornFrom().isEmpty()) {
			this.html.append("<p class=\"note\">born from ")
				.append(escape(String.join(", ", pair.bornFrom())))
				.append("</p>\n");
		}
		if (!pair.leftOut().isEmpty()) {
			this.html.append("<p class=\"note\">left out: ")
				.append(escape(String.join(", ", pair.leftOut())))
				.append("</p>\n");
		}
		if (diff.patch().isBlank()) {
			this.html.append("<p class=\"note\">no changes</p>\n");
			return;
		}
		String[] files = diff.patch().split("(?m)^(?=diff --git )");
		for (String file : files) {
			if (!file.isBlank()) {
				file(file.split("\n", -1));
			}
		}
	}

	private void file(String[] lines) {
		String oldPath = null;
		String newPath = null;
		String kind = "modified";
		int body = lines.length;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i];
			if (line.startsWith("@@")) {
				body = i;
				break;
			}
			if (line.startsWith("rename from ")) {
				oldPath = line.substring("rename from ".length());
			}
			else if (line.startsWith("rename to ")) {
				newPath = line.substring("rename to ".length());
			}
			else if (line.startsWith("similarity index ")) {
				kind = "renamed, " + line.substring("similarity index ".length()) + " similar";
			}
			else if (line.startsWith("new file")) {
				kind = "added";
			}
			else if (line.startsWith("deleted file")) {
				kind = "deleted";
			}
			else if (line.startsWith("--- a/")) {
				oldPath = line.substring("--- a/".length());
			}
			else if (line.startsWith("+++ b/")) {
				newPath = line.substring("+++ b/".length());
			}
			else if (line.startsWith("Binary files")) {
				kind = "binary";
			}
		}
		String name;
		if (oldPath != null && newPath != null && !oldPath.equals(newPath)) {
			name = oldPath + " → " + newPath;
		}
		else {
			name = (newPath != null) ? newPath : oldPath;
		}
		if (name == null) {
			name = lines[0].replaceFirst("^diff --git a/", "").replaceFirst(" b/.*$", "");
		}
		this.html.append("<div class=\"file\">\n<h3>")
			.append(escape(name))
			.append("<span class=\"kind\">")
			.append(escape(kind))
			.append("</span></h3>\n<table>\n");
		int oldLine = 0;
		int newLine = 0;
		for (int i = body; i < lines.length; i++) {
			String line = lines[i];
			Matcher hunk = HUNK.matcher(line);
			if (hunk.matches()) {
				oldLine = Integer.parseInt(hunk.group(1));
				newLine = Integer.parseInt(hunk.group(2));
				row("hunk", "", "", line);
			}
			else if (line.startsWith("+")) {
				row("add", "", String.valueOf(newLine++), line);
			}
			else if (line.startsWith("-")) {
				row("del", String.valueOf(oldLine++), "", line);
			}
			else if (line.startsWith(" ")) {
				row("same", String.valueOf(oldLine++), String.valueOf(newLine++), line);
			}
			else if (line.startsWith("\\")) {
				row("hunk", "", "", line);
			}
		}
		this.html.append("</table>\n</div>\n");
	}

	private void row(String kind, String oldLine, String newLine, String text) {
		this.html.append("<tr class=\"")
			.append(kind)
			.append("\"><td class=\"n\">")
			.append(oldLine)
			.append("</td><td class=\"n\">")
			.append(newLine)
			.append("</td><td>")
			.append(escape(text))
			.append("</td></tr>\n");
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/**
	 * A module pair and its unified diff.
	 *
	 * @param pair the module and its ancestor
	 * @param patch the diff without color, empty when nothing changed or when the module
	 * is new or removed
	 */
	record ModuleDiff(ModulePair pair, String patch) {

	}

}
