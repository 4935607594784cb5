package workshop.infra.boot;

import org.springframework.core.env.Environment;

import workshop.infra.InfraMode;

/**
 * Reads the mode from Spring's environment, which covers the system property
 * {@code workshop.infra}, the environment variable {@code WORKSHOP_INFRA} and application
 * properties alike.
 */
final class ManagedMode {

	private ManagedMode() {
	}

	static InfraMode of(Environment environment) {
		String value = environment.getProperty(InfraMode.PROPERTY);
		return (value != null && !value.isBlank()) ? InfraMode.parse(value) : InfraMode.EMBEDDED;
	}

}
