package workshop.cli.manifest;

import java.util.List;

/**
 * What a module of a step descends from in the previous step: a module folder, or the
 * part of one that the module was born from.
 *
 * @param module the module folder of the previous step, never null
 * @param paths the paths inside that folder the module was born from (files, or folders
 * ending in {@code /}); empty when it descends from the whole folder
 * @param leftOut paths left out on both sides, such as each step's own README; never null
 */
public record Ancestor(String module, List<String> paths, List<String> leftOut) {

	/**
	 * Returns an ancestor that is a whole module folder.
	 * @param module the module folder of the previous step
	 * @return the ancestor, never null
	 */
	public static Ancestor whole(String module) {
		return new Ancestor(module, List.of(), List.of());
	}

}
