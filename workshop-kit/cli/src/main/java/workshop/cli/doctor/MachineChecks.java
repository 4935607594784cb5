package workshop.cli.doctor;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import workshop.cli.Workspace;
import workshop.cli.manifest.App;
import workshop.cli.manifest.Manifest;
import workshop.cli.system.Orphans;
import workshop.cli.system.Ports;
import workshop.infra.DockerSupport;
import workshop.infra.InfraMode;
import workshop.infra.InfrastructureException;

/**
 * The checks behind {@code ./workshop doctor}, each returning lines of the checklist.
 */
final class MachineChecks {

	private static final int MINIMUM_JDK = 17;

	private MachineChecks() {
	}

	static Check jdk() {
		Runtime.Version version = Runtime.version();
		String where = System.getProperty("java.home");
		if (version.feature() < MINIMUM_JDK) {
			return Check.fail("JDK " + version + " is too old: install JDK " + MINIMUM_JDK
					+ " or newer and point JAVA_HOME at it (" + where + ")");
		}
		String archive = (version.feature() >= 25) ? "AOT cache" : "CDS archive";
		return Check.ok("JDK " + version + " (" + where + "), fast starts with a " + archive);
	}

	static Check wrapper(Workspace workspace) {
		if (Files.isRegularFile(workspace.root().resolve("mvnw"))) {
			return Check.ok("Maven wrapper ./mvnw");
		}
		return Check.fail("no Maven wrapper in " + workspace.root()
				+ ": restore mvnw and .mvn/ from git (git checkout -- mvnw .mvn)");
	}

	/**
	 * Checks the port of every app of every step; apps of different steps may share a
	 * port, as only one step runs at a time.
	 */
	static List<Check> ports(Manifest manifest) {
		Map<Integer, List<String>> appsByPort = new LinkedHashMap<>();
		for (App app : manifest.allApps()) {
			List<String> names = appsByPort.computeIfAbsent(app.port(), (port) -> new ArrayList<>());
			if (!names.contains(app.name())) {
				names.add(app.name());
			}
		}
		List<Check> checks = new ArrayList<>();
		List<Integer> free = new ArrayList<>();
		appsByPort.forEach((port, apps) -> {
			if (Ports.isFree(port)) {
				free.add(port);
				return;
			}
			String holder = Ports.holder(port);
			Orphans.Ownership ownership = Ports.listeningPid(port)
				.map(Orphans::ownership)
				.orElse(Orphans.Ownership.NOT_OURS);
			switch (ownership) {
				case RUNNING_STEP -> checks.add(Check.info("port " + port + " (" + String.join(", ", apps)
						+ ") is used by the step that runs now (./workshop status; ./workshop stop ends it)"));
				case ORPHAN -> checks.add(Check.info("port " + port + " (" + String.join(", ", apps) + ") is held by "
						+ holder + ", left behind by a workshop run that was killed:"
						+ " the next ./workshop run stops it"));
				default -> checks.add(Check.fail("port " + port + " (" + String.join(", ", apps) + ") is taken by "
						+ holder + ": stop that process, or change the port in workshop.yaml"));
			}
		});
		if (!free.isEmpty()) {
			checks.add(0,
					Check.ok("ports free: " + free.stream().map(String::valueOf).collect(Collectors.joining(", "))));
		}
		return checks;
	}

	static List<Check> infrastructure() {
		boolean docker = DockerSupport.isDockerAvailable();
		List<Check> checks = new ArrayList<>();
		checks.add(docker ? Check.ok("Docker is running: ./workshop run <step> --infra docker uses it")
				: Check.info("Docker is not running: not needed, PostgreSQL and Kafka run embedded"));
		try {
			InfraMode mode = InfraMode.resolve();
			String name = mode.name().toLowerCase(Locale.ROOT);
			if (mode == InfraMode.DOCKER && !docker) {
				checks.add(Check.fail("infrastructure mode is docker but Docker is not running: start Docker, "
						+ "or run with --infra embedded"));
			}
			else {
				checks.add(Check.ok("infrastructure for ./workshop run: " + name
						+ ((mode == InfraMode.EXTERNAL) ? " (your own servers, from the environment)" : "")));
			}
		}
		catch (InfrastructureException ex) {
			checks.add(Check.fail(ex.getMessage()));
		}
		return checks;
	}

	static Check chromium() {
		Optional<Path> browser = onPath("chromium", "chromium-browser", "google-chrome", "chrome");
		Optional<Path> driver = onPath("chromedriver");
		if (browser.isPresent() && driver.isPresent()) {
			return Check.ok("Chromium " + browser.get() + " and " + driver.get() + " for the browser tests");
		}
		return Check.warn("Chromium or chromedriver not found: the storefront and slide tests need them "
				+ "(Debian/Ubuntu: apt-get install chromium chromium-driver)");
	}

	static Check git() {
		return onPath("git").isPresent() ? Check.ok("git for ./workshop diff")
				: Check.warn("git not found: ./workshop diff needs it (install git)");
	}

	/** Finds the first of the given programs on the PATH. */
	static Optional<Path> onPath(String... programs) {
		String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
		for (String program : programs) {
			for (String dir : path.split(File.pathSeparator)) {
				if (dir.isEmpty()) {
					continue;
				}
				Path candidate = Path.of(dir, windows ? program + ".exe" : program);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return Optional.of(candidate);
				}
			}
		}
		return Optional.empty();
	}

}
