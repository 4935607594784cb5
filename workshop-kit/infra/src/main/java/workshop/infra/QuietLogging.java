package workshop.infra;

import java.util.Map;

/**
 * Keeps the embedded servers' chatter off the attendee's console: their loggers are set
 * to WARN (and a broker start-up notice logged as a warning to ERROR) unless the
 * application's logging configuration already set a level for them. Applies only when
 * Logback is the logging backend, as in every Spring Boot app.
 */
final class QuietLogging {

	private static final Map<String, String> SERVER_LOGGER_LEVELS = Map.of("kafka", "WARN", "org.apache.kafka", "WARN",
			"state.change.logger", "WARN", "io.zonky.test.db.postgres", "WARN",
			// Warns "the metadata log appears to be empty" on every first start of a new
			// broker.
			"org.apache.kafka.controller.QuorumController", "ERROR");

	private QuietLogging() {
	}

	static void quietServerLoggers() {
		if (isOnClasspath("ch.qos.logback.classic.LoggerContext") && LogbackLevels.isLogbackActive()) {
			LogbackLevels.setUnlessConfigured(SERVER_LOGGER_LEVELS);
		}
	}

	private static boolean isOnClasspath(String className) {
		try {
			Class.forName(className, false, QuietLogging.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
