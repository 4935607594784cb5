package workshop.cli.manifest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One runnable step of the workshop.
 *
 * @param id the short name used on the command line, such as {@code step-0}
 * @param dir the step's folder, relative to the workshop root
 * @param title one line for menus and slides
 * @param infra the infrastructure the step needs, never null
 * @param frontDoor the URL a user opens
 * @param apps the step's apps, in start order, never empty
 * @param lineage module of this step to what it descends from in the previous step, never
 * null
 * @param bench what {@code ./workshop bench} measures on the step, and its targets; never
 * null
 */
public record Step(String id, String dir, String title, InfraNeeds infra, String frontDoor, List<App> apps,
		Map<String, Ancestor> lineage, BenchPlan bench) {

	/**
	 * Creates a step that the bench has nothing to measure on.
	 * @param id the short name
	 * @param dir the step's folder
	 * @param title one line for menus
	 * @param infra what it needs
	 * @param frontDoor the URL a user opens
	 * @param apps its apps
	 * @param lineage what its modules descend from
	 */
	public Step(String id, String dir, String title, InfraNeeds infra, String frontDoor, List<App> apps,
			Map<String, Ancestor> lineage) {
		this(id, dir, title, infra, frontDoor, apps, lineage, BenchPlan.NONE);
	}

	/**
	 * Returns the app that answers at the front door: the one whose port the front door's
	 * URL names, else the first.
	 * @return the app, never null
	 */
	public App frontDoorApp() {
		int port = URI.create(this.frontDoor).getPort();
		return this.apps.stream().filter((app) -> app.port() == port).findFirst().orElse(this.apps.get(0));
	}

	/**
	 * Returns the app with the given name.
	 * @param name an app name
	 * @return the app, or empty when the step has none of that name
	 */
	public Optional<App> app(String name) {
		return this.apps.stream().filter((app) -> app.name().equals(name)).findFirst();
	}

	/**
	 * Returns the step's modules: those of its apps, then any other module named in its
	 * lineage.
	 * @return the module folders, without duplicates, never null
	 */
	public List<String> modules() {
		List<String> modules = new ArrayList<>();
		for (App app : this.apps) {
			if (!modules.contains(app.module())) {
				modules.add(app.module());
			}
		}
		for (String module : this.lineage.keySet()) {
			if (!modules.contains(module)) {
				modules.add(module);
			}
		}
		return modules;
	}

}
