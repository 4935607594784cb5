package shop.catalog.migration;

/**
 * A move to another phase that cannot happen now; the phase stays as it was.
 */
public class MigrationRefusedException extends RuntimeException {

	MigrationRefusedException(String message) {
		super(message);
	}

}
