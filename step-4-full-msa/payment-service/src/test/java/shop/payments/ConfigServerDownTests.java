package shop.payments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started while the config server is down does not wait for it: its
 * {@code spring.config.import} is {@code optional:}, so it logs a warning and starts on
 * the settings packaged in its jar. Only the configuration is loaded here, from the
 * service's own {@code application.yml}, against a port where nothing listens.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigServerDownTests {

	@Test
	void startsOnThePackagedSettingsWithAWarning(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
			.web(WebApplicationType.NONE)
			.run("--spring.cloud.config.enabled=true", "--shop.registry-url=http://127.0.0.1:1")) {

			assertThat(context.getEnvironment().getProperty("shop.payments.decline-above")).isEqualTo("100000");
			assertThat(context.getEnvironment().getProperty("info.configuration")).isNull();
		}
		assertThat(output).contains("Could not locate PropertySource").contains("127.0.0.1:1/config");
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
