package workshop.cli.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import workshop.cli.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./workshop diff} on two small steps: {@code before/app} becomes
 * {@code after/app} (one file modified, one renamed and edited, one unchanged) and
 * {@code after/extra} is new.
 */
class DiffCommandTests {

	private static final String MANIFEST = """
			steps:
			  - id: before
			    dir: before
			    apps:
			      - name: app
			        module: before/app
			        mainClass: shop.App
			        port: 8080
			  - id: after
			    dir: after
			    title: After the change
			    apps:
			      - name: app
			        module: after/app
			        mainClass: shop.App
			        port: 8080
			      - name: extra
			        module: after/extra
			        mainClass: shop.Extra
			        port: 8081
			    lineage:
			      after/app: before/app
			""";

	private static final String OLD_CLASS = """
			package shop;

			class Orders {
				java.util.List<String> lines = new java.util.ArrayList<>();
				void first() {}
				void second() {}
				void third() {}
				void fourth() {}
			}
			""";

	@TempDir
	Path root;

	@BeforeEach
	void createSteps() throws IOException {
		Files.writeString(this.root.resolve("workshop.yaml"), MANIFEST);
		write("before/app/src/Greeting.java", "class Greeting {\n\tString text = \"hello\";\n}\n");
		write("before/app/src/Orders.java", OLD_CLASS);
		write("before/app/README.md", "same in both\n");
		write("before/app/target/classes/Junk.class", "build output\n");
		write("after/app/src/Greeting.java",
				"class Greeting {\n\tString text = \"hello, workshop\";\n\tjava.util.List<String> names;\n}\n");
		write("after/app/src/orders/OrderManagement.java", OLD_CLASS.replace("void fourth() {}", "void fifth() {}"));
		write("after/app/README.md", "same in both\n");
		write("after/app/target/classes/Junk.class", "other build output\n");
		write("after/extra/src/Extra.java", "class Extra {\n}\n");
	}

	@Test
	void showsModifiedAndRenamedFilesRelativeToTheModuleAndNamesNewModules() {
		Cli result = Cli.run(this.root, "diff", "before", "after");

		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).contains("=== before/app -> after/app")
			.contains("diff --git a/src/Greeting.java b/src/Greeting.java")
			.contains("-\tString text = \"hello\";")
			.contains("+\tString text = \"hello, workshop\";")
			.contains("rename from src/Orders.java")
			.contains("rename to src/orders/OrderManagement.java")
			.contains("+\tvoid fifth() {}")
			.contains("=== after/extra: new module (no ancestor in before)")
			.doesNotContain("README.md")
			.doesNotContain("target/")
			.doesNotContain("Junk");
	}

	@Test
	void summarizesWithStat() {
		Cli result = Cli.run(this.root, "diff", "before", "after", "--stat");

		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).contains("src/Greeting.java")
			.contains("src/{Orders.java => orders/OrderManagement.java}")
			.contains("2 files changed")
			.doesNotContain("diff --git");
	}

	@Test
	void writesASelfContainedHtmlPage() throws IOException {
		Path page = this.root.resolve("out/diff.html");

		Cli result = Cli.run(this.root, "diff", "before", "after", "--html", page.toString());

		assertThat(result.exitCode()).isEqualTo(0);
		assertThat(result.out()).contains("Wrote " + page);
		String html = Files.readString(page);
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<title>before → after: After the change</title>")
			.contains("<h2>before/app → after/app</h2>")
			.contains("src/Orders.java → src/orders/OrderManagement.java<span class=\"kind\">renamed, ")
			.contains(
					"<tr class=\"add\"><td class=\"n\"></td><td class=\"n\">2</td><td>+\tString text = &quot;hello, workshop&quot;;</td></tr>")
			.contains("java.util.List&lt;String&gt;")
			.contains("<h2>after/extra</h2>\n<p class=\"note\">new module</p>")
			.doesNotContain("<script")
			.doesNotContain("http://")
			.doesNotContain("\u001B[");
	}

	@Test
	void listsTheValidStepsForAnUnknownStep() {
		Cli result = Cli.run(this.root, "diff", "before", "later");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip()).isEqualTo("error: Unknown step 'later'. Valid steps: before, after.");
	}

	@Test
	void asksForTheOlderStepFirst() {
		Cli result = Cli.run(this.root, "diff", "after", "before");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err().strip())
			.isEqualTo("error: after comes after before: name the older step first, ./workshop diff before after.");
	}

	private void write(String path, String content) throws IOException {
		Path file = this.root.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

}
