package workshop.infra;

import java.util.Locale;

/**
 * Where the workshop's PostgreSQL and Kafka come from. One switch selects it for apps,
 * tests and the workshop command alike.
 */
public enum InfraMode {

	/** Real servers started in-process from Maven Central artifacts. The default. */
	EMBEDDED,

	/** Containers started through Testcontainers; needs a running Docker engine. */
	DOCKER,

	/**
	 * The user's own servers, given by the usual Spring Boot properties. Nothing is
	 * started.
	 */
	EXTERNAL;

	/** The system property (and Spring property) that selects the mode. */
	public static final String PROPERTY = "workshop.infra";

	/** The environment variable read when the system property is absent. */
	public static final String ENVIRONMENT_VARIABLE = "WORKSHOP_INFRA";

	/**
	 * Resolves the mode from the system property {@value #PROPERTY}, else the environment
	 * variable {@value #ENVIRONMENT_VARIABLE}, else {@link #EMBEDDED}.
	 * @return the mode, never {@code null}
	 * @throws InfrastructureException if the value set names no mode
	 */
	public static InfraMode resolve() {
		return resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
	}

	static InfraMode resolve(String systemProperty, String environmentVariable) {
		if (isSet(systemProperty)) {
			return parse(systemProperty);
		}
		if (isSet(environmentVariable)) {
			return parse(environmentVariable);
		}
		return EMBEDDED;
	}

	/**
	 * Parses a mode name, ignoring case and surrounding blanks.
	 * @param value a mode name such as {@code embedded}
	 * @return the mode, never {@code null}
	 * @throws InfrastructureException if the value names no mode
	 */
	public static InfraMode parse(String value) {
		String name = (value != null) ? value.trim().toUpperCase(Locale.ROOT) : "";
		for (InfraMode mode : values()) {
			if (mode.name().equals(name)) {
				return mode;
			}
		}
		throw new InfrastructureException(PROPERTY + "=" + value
				+ " is not a mode: use embedded (the default), docker or external, for example -D" + PROPERTY
				+ "=embedded");
	}

	/**
	 * The mode as users write it.
	 * @return the lower-case name, for example {@code embedded}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	private static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

}
