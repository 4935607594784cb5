package workshop.cli.diff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.Ancestor;
import workshop.cli.manifest.Manifest;
import workshop.cli.manifest.Step;

/**
 * Follows the manifest's lineage from a newer step back to an older one: each step names,
 * for its modules, the module of the previous step they descend from, and may name the
 * part of it they were born from and what each step keeps as its own.
 */
final class Lineage {

	private Lineage() {
	}

	/**
	 * Pairs every module of the newer step with its ancestor in the older step, then
	 * lists the older step's modules that nothing descends from.
	 * @param manifest the manifest
	 * @param older the older step
	 * @param newer the newer step, the same as or after the older one
	 * @return the pairs, new and removed modules included
	 * @throws WorkshopException when the steps are in the wrong order
	 */
	static List<ModulePair> pairs(Manifest manifest, Step older, Step newer) {
		int from = manifest.indexOf(older);
		int to = manifest.indexOf(newer);
		if (from > to) {
			throw new WorkshopException(older.id() + " comes after " + newer.id() + ": name the older step first, "
					+ "./workshop diff " + newer.id() + " " + older.id() + ".");
		}
		List<ModulePair> pairs = new ArrayList<>();
		Set<String> ancestors = new LinkedHashSet<>();
		for (String module : newer.modules()) {
			ModulePair pair = (from == to) ? new ModulePair(module, module) : pairOf(manifest, module, from, to);
			pairs.add(pair);
			if (pair.ancestor() != null) {
				ancestors.add(pair.ancestor());
			}
		}
		for (String module : older.modules()) {
			if (!ancestors.contains(module)) {
				pairs.add(new ModulePair(module, null));
			}
		}
		return pairs;
	}

	/**
	 * Walks back one step at a time. The paths a module was born from name files of the
	 * step just before it, so they apply to a diff of neighbouring steps only; what is
	 * left out is left out along the whole way.
	 */
	private static ModulePair pairOf(Manifest manifest, String module, int from, int to) {
		String current = module;
		List<String> bornFrom = List.of();
		boolean neighbours = (to - from) == 1;
		Set<String> leftOut = new LinkedHashSet<>();
		for (int index = to; index > from && current != null; index--) {
			Ancestor ancestor = manifest.steps().get(index).lineage().get(current);
			if (ancestor == null) {
				return new ModulePair(null, module);
			}
			if (neighbours) {
				bornFrom = ancestor.paths();
			}
			leftOut.addAll(ancestor.leftOut());
			current = ancestor.module();
		}
		return new ModulePair(current, module, bornFrom, List.copyOf(leftOut));
	}

}
