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
 * {@code after/app} (one file modified, one renamed and edited, one unchanged, its README
 * left out), {@code after/extra} is new, and {@code after/billing} is born from the
 * billing package and the shared code of {@code before/app}.
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
			      - name: billing
			        module: after/billing
			        mainClass: shop.billing.Billing
			        port: 8082
			    lineage:
			      after/app:
			        from: before/app
			        leaveOut: [README.md]
			      after/billing:
			        from: before/app
			        paths: [src/billing/, src/Money.java]
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
		write("before/app/README.md", "the story of the first step\n");
		write("before/app/src/billing/Invoice.java", "class Invoice {\n}\n");
		write("before/app/src/Money.java", "record Money(long minor) {\n}\n");
		write("before/app/target/classes/Junk.class", "build output\n");
		write("after/app/src/Greeting.java",
				"class Greeting {\n\tString text = \"hello, workshop\";\n\tjava.util.List<String> names;\n}\n");
		write("after/app/src/orders/OrderManagement.java", OLD_CLASS.replace("void fourth() {}", "void fifth() {}"));
		write("after/app/README.md", "the story of the second step\n");
		write("after/app/src/billing/Invoice.java", "class Invoice {\n}\n");
		write("after/app/src/Money.java", "record Money(long minor) {\n}\n");
		write("after/billing/src/billing/Invoice.java", "class Invoice {\n\tMoney total;\n}\n");
		write("after/billing/src/billing/Billing.java", "class Billing {\n}\n");
		write("after/billing/src/Money.java", "record Money(long minor) {\n}\n");
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
			.contains("left out: README.md")
			.doesNotContain("story")
			.doesNotContain("target/")
			.doesNotContain("Junk");
	}

	@Test
	void comparesANewModuleWithOnlyWhatItWasBornFrom() {
		Cli result = Cli.run(this.root, "diff", "before", "after", "--stat");

		assertThat(result.exitCode()).isEqualTo(0);
		String billing = result.out().substring(result.out().indexOf("=== before/app -> after/billing"));
		assertThat(billing).contains("born from src/billing/, src/Money.java")
			.contains("src/billing/Billing.java")
			.contains("src/billing/Invoice.java")
			.contains("2 files changed")
			.doesNotContain("Greeting")
			.doesNotContain("Orders")
			.doesNotContain("README.md");
	}

	@Test
	void namesAPathTheAncestorDoesNotHave() throws IOException {
		Files.writeString(this.root.resolve("workshop.yaml"), MANIFEST.replace("src/Money.java", "src/Euro.java"));

		Cli result = Cli.run(this.root, "diff", "before", "after");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("workshop.yaml names src/Euro.java as a path a module was born from")
			.contains("fix the lineage's paths");
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
			.contains(
					"<h2>before/app → after/billing</h2>\n<p class=\"note\">born from src/billing/, src/Money.java</p>")
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
