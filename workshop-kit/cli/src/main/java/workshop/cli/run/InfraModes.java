package workshop.cli.run;

import workshop.cli.WorkshopException;
import workshop.infra.InfraMode;
import workshop.infra.InfrastructureException;

/**
 * Reads the {@code --infra} option shared by {@code run} and {@code bench}.
 */
public final class InfraModes {

	private InfraModes() {
	}

	/**
	 * Returns the mode the user chose, or the default one.
	 * @param option the option's value, or {@code null} when not given
	 * @return the mode, never null
	 * @throws WorkshopException when the value is not a mode
	 */
	public static InfraMode fromOption(String option) {
		if (option == null) {
			return InfraMode.resolve();
		}
		try {
			return InfraMode.parse(option);
		}
		catch (InfrastructureException | IllegalArgumentException ex) {
			throw new WorkshopException(
					"--infra " + option + " is not a mode: use embedded (the default), docker or external.", ex);
		}
	}

}
