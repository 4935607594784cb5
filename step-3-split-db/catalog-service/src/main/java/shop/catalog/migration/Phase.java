package shop.catalog.migration;

/**
 * Where the move of the catalog's data stands. Phases only move forward, one at a time.
 */
public enum Phase {

	/** The old home serves; its changes stream to the catalog's own database. */
	A("copy: the old home serves, the catalog's own database follows"),

	/** The catalog's own database serves and feeds the stream; the old copy stays. */
	B("cutover: the catalog's own database serves"),

	/** The old copy, its slot and its publication are gone. */
	C("retired: the old copy is gone");

	private final String description;

	Phase(String description) {
		this.description = description;
	}

	/**
	 * What the phase means, for people.
	 * @return one line, never null
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Whether the catalog's own database serves the service.
	 * @return false in phase A only
	 */
	public boolean servedByOwnDatabase() {
		return this != A;
	}

}
