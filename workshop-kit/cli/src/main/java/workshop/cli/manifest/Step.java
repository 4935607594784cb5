package workshop.cli.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One runnable step of the workshop.
 *
 * @param id the short name used on the command line, such as {@code step-0}
 * @param dir the step's folder, relative to the workshop root
 * @param title one line for menus and slides
 * @param infra the infrastructure the step needs, never null
 * @param frontDoor the URL a user opens
 * @param apps the step's apps, in start order, never empty
 * @param lineage module of this step to the module of the previous step it descends from,
 * never null
 */
public record Step(String id, String dir, String title, InfraNeeds infra, String frontDoor, List<App> apps,
		Map<String, String> lineage) {

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
