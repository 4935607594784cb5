package workshop.cli.diff;

/**
 * A module of the newer step and its ancestor in the older one.
 *
 * @param ancestor the module folder in the older step, or {@code null} for a new module
 * @param module the module folder in the newer step, or {@code null} for a module that
 * was removed
 */
public record ModulePair(String ancestor, String module) {

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
