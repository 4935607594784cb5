package workshop.cli.diff;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.Terminal;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;
import workshop.cli.diff.HtmlDiffPage.ModuleDiff;
import workshop.cli.manifest.Manifest;
import workshop.cli.manifest.Step;

/**
 * {@code ./workshop diff <a> <b>}: for each module of step b, the unified diff against
 * its ancestor in step a (following the manifest's lineage, and renamed or moved files),
 * paths relative to the modules.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "Shows what changed between two steps, module by module along the lineage in workshop.yaml.",
				"Renamed and moved files are followed; build output (target/) is left out." })
public final class DiffCommand implements Callable<Integer> {

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "<a>", description = "The older step, such as step-0.")
	private String olderId;

	@Parameters(index = "1", paramLabel = "<b>", description = "The newer step, such as step-1.")
	private String newerId;

	@Option(names = "--stat", description = "Show only which files changed and by how many lines.")
	private boolean stat;

	@Option(names = "--html", paramLabel = "<file>",
			description = "Write the diff as a self-contained HTML page (for slides) instead of printing it.")
	private Path html;

	@Override
	public Integer call() {
		Workspace workspace = this.parent.workspace();
		Manifest manifest = workspace.manifest();
		Step older = manifest.step(this.olderId);
		Step newer = manifest.step(this.newerId);
		List<ModulePair> pairs = Lineage.pairs(manifest, older, newer);
		PrintWriter out = this.spec.commandLine().getOut();
		Terminal terminal = Terminal.detect();
		List<String> options = new ArrayList<>();
		if (this.stat && this.html == null) {
			options.add("--stat");
		}
		options.add((terminal.colored() && this.html == null) ? "--color=always" : "--color=never");

		List<ModuleDiff> diffs = new ArrayList<>();
		try (GitTreeDiff git = GitTreeDiff.create()) {
			for (ModulePair pair : pairs) {
				String patch = (pair.isNew() || pair.isRemoved()) ? "" : git.diff(workspace.resolve(pair.ancestor()),
						pair.bornFrom(), workspace.resolve(pair.module()), pair.leftOut(), options);
				diffs.add(new ModuleDiff(pair, patch));
			}
		}
		if (this.html != null) {
			writeHtml(older, newer, diffs, out);
		}
		else {
			print(older, newer, diffs, out, terminal);
		}
		out.flush();
		return 0;
	}

	private void print(Step older, Step newer, List<ModuleDiff> diffs, PrintWriter out, Terminal terminal) {
		for (ModuleDiff diff : diffs) {
			ModulePair pair = diff.pair();
			if (pair.isNew()) {
				out.println(terminal.bold("=== " + pair.module() + ": new module (no ancestor in " + older.id() + ")"));
			}
			else if (pair.isRemoved()) {
				out.println(terminal.bold("=== " + pair.ancestor() + ": removed module (nothing in " + newer.id()
						+ " descends from it)"));
			}
			else {
				out.println(terminal.bold("=== " + pair.ancestor() + " -> " + pair.module()));
				if (!pair.bornFrom().isEmpty()) {
					out.println("born from " + String.join(", ", pair.bornFrom()));
				}
				if (!pair.leftOut().isEmpty()) {
					out.println("left out: " + String.join(", ", pair.leftOut()));
				}
				out.print(diff.patch().isEmpty() ? "no changes" + System.lineSeparator() : diff.patch());
			}
		}
	}

	private void writeHtml(Step older, Step newer, List<ModuleDiff> diffs, PrintWriter out) {
		String title = older.id() + " → " + newer.id() + ": " + newer.title();
		try {
			Path file = this.html.toAbsolutePath();
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, HtmlDiffPage.render(title, diffs));
			out.println("Wrote " + file + " (" + diffs.size() + ((diffs.size() == 1) ? " module)" : " modules)"));
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot write " + this.html + ": " + ex.getMessage()
					+ ". Choose a file in a folder you can write to.", ex);
		}
	}

}
