package workshop.infra;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback logger levels. Only loaded once {@link QuietLogging} found Logback on the
 * classpath: it is an optional dependency of this module.
 */
final class LogbackLevels {

	private LogbackLevels() {
	}

	static boolean isLogbackActive() {
		return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
	}

	/** Sets each logger's level, unless the logging configuration gave it one. */
	static void setUnlessConfigured(Map<String, String> levels) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		levels.forEach((name, level) -> {
			Logger logger = context.getLogger(name);
			if (logger.getLevel() == null) {
				logger.setLevel(Level.toLevel(level));
			}
		});
	}

}
