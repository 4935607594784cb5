package workshop.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One switch selects the mode: system property, then environment variable, then embedded.
 */
class InfraModeTests {

	@Test
	void isEmbeddedWhenNothingIsSet() {
		assertThat(InfraMode.resolve(null, null)).isEqualTo(InfraMode.EMBEDDED);
		assertThat(InfraMode.resolve(" ", "")).isEqualTo(InfraMode.EMBEDDED);
	}

	@Test
	void prefersTheSystemPropertyOverTheEnvironmentVariable() {
		assertThat(InfraMode.resolve("docker", "external")).isEqualTo(InfraMode.DOCKER);
	}

	@Test
	void readsTheEnvironmentVariableWhenThePropertyIsAbsent() {
		assertThat(InfraMode.resolve(null, "external")).isEqualTo(InfraMode.EXTERNAL);
	}

	@Test
	void readsTheSystemProperty() {
		String previous = System.setProperty(InfraMode.PROPERTY, "External");
		try {
			assertThat(InfraMode.resolve()).isEqualTo(InfraMode.EXTERNAL);
		}
		finally {
			restore(previous);
		}
	}

	@Test
	void ignoresCaseAndSurroundingBlanks() {
		assertThat(InfraMode.parse(" DoCkEr ")).isEqualTo(InfraMode.DOCKER);
		assertThat(InfraMode.DOCKER.value()).isEqualTo("docker");
	}

	@Test
	void rejectsAnUnknownModeNamingTheValidValuesInOneLine() {
		assertThatExceptionOfType(InfrastructureException.class).isThrownBy(() -> InfraMode.resolve("kubernetes", null))
			.withMessage("workshop.infra=kubernetes is not a mode: use embedded (the default), docker or external,"
					+ " for example -Dworkshop.infra=embedded");
	}

	private static void restore(String previous) {
		if (previous == null) {
			System.clearProperty(InfraMode.PROPERTY);
		}
		else {
			System.setProperty(InfraMode.PROPERTY, previous);
		}
	}

}
