package workshop.cli.slides;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workshop.cli.WorkshopCommand;
import workshop.cli.WorkshopException;
import workshop.cli.Workspace;

/**
 * {@code ./workshop slides [ko|en] [--port N]}: builds the decks when a slide, an image
 * or a step's source is newer than the built deck, serves {@code slides/target/slides} on
 * the loopback address, prints the deck's URL and serves until Ctrl-C. Nothing is loaded
 * from the internet: reveal.js sits beside the HTML.
 */
@Command(name = "slides", mixinStandardHelpOptions = true,
		description = "Builds the seminar slides if needed and serves them on this machine until Ctrl-C.")
public final class SlidesCommand implements Callable<Integer> {

	/** The decks, by language. */
	enum Deck {

		ko, en

	}

	/** What the deck shows: a change to any of these rebuilds it. */
	private static final List<String> SOURCES = List.of("slides/ko", "slides/en", "slides/images", "slides/theme",
			"slides/pom.xml", "step-0-monolith/src/main", "step-1-modular", "step-2-strangler", "step-3-split-db",
			"step-4-full-msa");

	@ParentCommand
	private WorkshopCommand parent;

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", arity = "0..1", defaultValue = "ko",
			description = "The deck's language: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	private Deck deck;

	@Option(names = "--port", defaultValue = "0", description = "The port to serve on (default: any free port).")
	private int port;

	@Override
	public Integer call() throws InterruptedException {
		Workspace workspace = this.parent.workspace();
		PrintWriter out = this.spec.commandLine().getOut();
		Path site = workspace.resolve("slides/target/slides");
		Path page = site.resolve(this.deck.name()).resolve("index.html");
		if (isStale(workspace, page)) {
			out.println("Building the slides (a source changed since the last build)...");
			out.flush();
			build(workspace);
		}
		HttpServer server = serve(site);
		String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + this.deck.name() + "/index.html";
		out.println("Slides (" + this.deck.name() + "): " + url);
		out.println("Press S in the deck for the speaker notes, Ctrl-C here to stop.");
		out.flush();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop(0);
			stopped.countDown();
		}));
		stopped.await();
		return 0;
	}

	private HttpServer serve(Path site) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port),
					0);
			server.createContext("/", new StaticFiles(site, "/" + this.deck.name() + "/index.html"));
			server.start();
			return server;
		}
		catch (BindException ex) {
			throw new WorkshopException("Port " + this.port
					+ " is taken. Pass another one with --port, or leave --port out to use any free port.", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isStale(Workspace workspace, Path page) {
		if (!Files.isRegularFile(page)) {
			return true;
		}
		FileTime built = modified(page);
		return SOURCES.stream().map(workspace::resolve).anyMatch((source) -> newest(source).compareTo(built) > 0);
	}

	/**
	 * Runs {@code ./mvnw -q -B -pl slides package}, showing its output: the build also
	 * runs the browser check of the decks, and its failures should be seen.
	 */
	private static void build(Workspace workspace) throws InterruptedException {
		boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
		Path wrapper = workspace.root().resolve(windows ? "mvnw.cmd" : "mvnw");
		List<String> command = List.of(wrapper.toString(), "-q", "-B", "-pl", "slides", "package");
		int exit;
		try {
			exit = new ProcessBuilder(command).directory(workspace.root().toFile()).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot run " + wrapper + ": " + ex.getMessage()
					+ ". Run ./workshop from the workshop folder, which holds the Maven wrapper.", ex);
		}
		if (exit != 0) {
			throw new WorkshopException("The slides build failed (exit code " + exit
					+ "): fix the error above, then run ./workshop slides again.");
		}
	}

	private static FileTime newest(Path source) {
		if (!Files.exists(source)) {
			return FileTime.fromMillis(0);
		}
		try (Stream<Path> files = Files.walk(source)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !isBuildOutput(source.relativize(file)))
				.map(SlidesCommand::modified)
				.max(FileTime::compareTo)
				.orElse(FileTime.fromMillis(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isBuildOutput(Path relative) {
		for (Path name : relative) {
			if (name.toString().equals("target")) {
				return true;
			}
		}
		return false;
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

}
