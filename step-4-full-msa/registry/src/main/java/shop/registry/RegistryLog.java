package shop.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.netflix.eureka.server.event.EurekaInstanceCanceledEvent;
import org.springframework.cloud.netflix.eureka.server.event.EurekaInstanceRegisteredEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One line per instance that joins or leaves the registry, so that the step's log shows
 * what the gateway is about to see: a start, a graceful stop (the instance cancels its
 * lease) or an eviction (a killed instance whose lease ran out).
 */
@Component
class RegistryLog {

	private static final Logger logger = LoggerFactory.getLogger(RegistryLog.class);

	@EventListener
	void registered(EurekaInstanceRegisteredEvent event) {
		if (!event.isReplication()) {
			logger.info("Registered {} at {}:{} (lease {} s)", event.getInstanceInfo().getAppName(),
					event.getInstanceInfo().getIPAddr(), event.getInstanceInfo().getPort(), event.getLeaseDuration());
		}
	}

	@EventListener
	void cancelled(EurekaInstanceCanceledEvent event) {
		if (!event.isReplication()) {
			logger.info("Dropped {} ({})", event.getAppName(), event.getServerId());
		}
	}

}
