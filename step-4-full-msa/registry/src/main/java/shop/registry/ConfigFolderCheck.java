package shop.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start which folders the config server serves. A folder that does not exist is
 * not an error to the config server, which then serves nothing and leaves every service
 * on its packaged defaults without a word; this says so in the registry's log instead.
 */
@Component
class ConfigFolderCheck {

	private static final Logger logger = LoggerFactory.getLogger(ConfigFolderCheck.class);

	private final List<String> locations;

	ConfigFolderCheck(@Value("${spring.cloud.config.server.native.search-locations}") List<String> locations) {
		this.locations = locations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		for (String location : this.locations) {
			if (!location.startsWith("file:")) {
				continue;
			}
			Path folder = Path.of(location.substring("file:".length())).toAbsolutePath().normalize();
			if (Files.isDirectory(folder)) {
				logger.info("Serving the configuration in {}", folder);
			}
			else {
				logger.warn(
						"No folder {}: the services keep their packaged settings. Set"
								+ " spring.cloud.config.server.native.search-locations=file:<step-4-full-msa/config>/",
						folder);
			}
		}
	}

}
