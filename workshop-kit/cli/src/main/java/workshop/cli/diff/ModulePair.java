package workshop.cli.diff;

import java.util.List;

/**
 * A module of the newer step and its ancestor in the older one.
 *
 * @param ancestor the module folder in the older step, or {@code null} for a new module
 * @param module the module folder in the newer step, or {@code null} for a module that
 * was removed
 * @param bornFrom the paths of the ancestor the module was born from; empty for the whole
 * ancestor
 * @param leftOut paths left out of the diff on both sides, never null
 */
public record ModulePair(String ancestor, String module, List<String> bornFrom, List<String> leftOut) {

	/**
	 * Creates a pair of whole folders.
	 * @param ancestor the module folder in the older step, or {@code null}
	 * @param module the module folder in the newer step, or {@code null}
	 */
	public ModulePair(String ancestor, String module) {
		this(ancestor, module, List.of(), List.of());
	}

	/**
	 * Returns whether the module has no ancestor in the older step.
	 * @return true for a new module
	 */
	public boolean isNew() {
		return this.ancestor == null;
	}

	/**
	 * Returns whether the module of the older step has no descendant in the newer one.
	 * @return true for a removed module
	 */
	public boolean isRemoved() {
		return this.module == null;
	}

}
